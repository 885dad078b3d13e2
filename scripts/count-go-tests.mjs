// Counts passed and failed Go tests (not packages) in `go test -json` output on stdin.
import { createInterface } from "node:readline";

let passed = 0;
let failed = 0;
for await (const line of createInterface({ input: process.stdin })) {
  if (!line.startsWith("{")) continue;
  const event = JSON.parse(line);
  if (!event.Test) continue;
  if (event.Action === "pass") passed++;
  if (event.Action === "fail") failed++;
}
console.log(`${passed} ${failed}`);
