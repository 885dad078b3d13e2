/**
 * A load process for the serving bench: sends balance queries at a fixed rate (open loop: a slow
 * answer does not slow the sending) over REST or gRPC for some seconds and prints one JSON line
 * with the latency percentiles and the rate achieved. Run by bench/serving/run.ts.
 *
 *   node load.js rest <base url> <address> <rate> <seconds>
 *   node load.js grpc <host:port> <address> <rate> <seconds>
 */
import { credentials, makeGenericClientConstructor, type Client } from "@grpc/grpc-js";
import { QueryBalanceRequest } from "cosmjs-types/cosmos/bank/v1beta1/query";

const [kind, target, address, rateText, secondsText] = process.argv.slice(2);
const rate = Number(rateText);
const seconds = Number(secondsText);

function restCall(): () => Promise<boolean> {
  const url = `${target}/cosmos/bank/v1beta1/balances/${address}/by_denom?denom=uagora`;
  return async () => (await fetch(url)).ok;
}

function grpcCall(): () => Promise<boolean> {
  const pass = (b: Buffer) => b;
  const Balance = makeGenericClientConstructor(
    { Balance: { path: "/cosmos.bank.v1beta1.Query/Balance", requestStream: false, responseStream: false, requestSerialize: pass, requestDeserialize: pass, responseSerialize: pass, responseDeserialize: pass } },
    "Query",
  );
  const client = new Balance(target!, credentials.createInsecure()) as unknown as Client & { Balance(req: Buffer, cb: (err: Error | null) => void): void };
  const request = Buffer.from(QueryBalanceRequest.encode({ address: address!, denom: "uagora" }).finish());
  return () => new Promise((resolve) => client.Balance(request, (err) => resolve(err === null)));
}

async function main(): Promise<void> {
  const call = kind === "rest" ? restCall() : grpcCall();
  for (let i = 0; i < 50; i++) await call(); // warm-up: connections, JIT
  const latencies: number[] = [];
  let failed = 0;
  let sent = 0;
  const pending: Promise<void>[] = [];
  const start = performance.now();
  await new Promise<void>((resolve) => {
    const tick = setInterval(() => {
      const elapsed = (performance.now() - start) / 1000;
      if (elapsed >= seconds) {
        clearInterval(tick);
        return resolve();
      }
      for (; sent < Math.floor(elapsed * rate); sent++) {
        const t0 = performance.now();
        pending.push(call().then((ok) => (ok ? latencies.push(performance.now() - t0) : failed++, undefined)));
      }
    }, 2);
  });
  await Promise.all(pending);
  const wall = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  process.stdout.write(JSON.stringify({ sent, ok: latencies.length, failed, requestsPerSecond: latencies.length / wall, p50: at(0.5), p99: at(0.99) }) + "\n");
  process.exit(0);
}

await main();
