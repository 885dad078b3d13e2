/**
 * Edits single settings in CometBFT's config.toml in place, keeping its comments and layout:
 * operators read and diff that file, so we change values rather than regenerate it.
 */

/** Sets `key = value` inside `[section]` (or at the top level when section is ""). */
export function setTomlValue(toml: string, section: string, key: string, value: string | number | boolean): string {
  const rendered = typeof value === "string" ? JSON.stringify(value) : String(value);
  const lines = toml.split("\n");
  let current = "";
  for (let i = 0; i < lines.length; i++) {
    const header = /^\s*\[([^\]]+)\]\s*$/.exec(lines[i]!);
    if (header) {
      current = header[1]!.trim();
      continue;
    }
    if (current === section && new RegExp(`^\\s*${key.replace(/[.]/g, "\\.")}\\s*=`).test(lines[i]!)) {
      lines[i] = `${key} = ${rendered}`;
      return lines.join("\n");
    }
  }
  throw new Error(`setting ${section ? `[${section}] ` : ""}${key} not found in config.toml`);
}

/** Reads `key` inside `[section]` as a string, or undefined. */
export function getTomlValue(toml: string, section: string, key: string): string | undefined {
  let current = "";
  for (const line of toml.split("\n")) {
    const header = /^\s*\[([^\]]+)\]\s*$/.exec(line);
    if (header) {
      current = header[1]!.trim();
      continue;
    }
    const m = new RegExp(`^\\s*${key.replace(/[.]/g, "\\.")}\\s*=\\s*(.*)$`).exec(line);
    if (current === section && m) {
      const raw = m[1]!.trim();
      return raw.startsWith('"') ? (JSON.parse(raw) as string) : raw;
    }
  }
  return undefined;
}
