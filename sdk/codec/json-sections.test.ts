import assert from "node:assert/strict";
import { test } from "node:test";
import { jsonSections } from "./json-sections.js";

const sections = (text: string) => jsonSections(Buffer.from(text, "utf8"));

test("each top-level member parses on its own to what JSON.parse gives for it", () => {
  const state = {
    auth: { params: { max_memo_characters: "256" }, accounts: [{ address: "agora1x", "@type": "/a.B" }] },
    bank: { balances: [{ address: "a}\"]{", coins: [] }], note: "escaped \\\" quote, braces } ] and é" },
    empty: {},
    list: [1, [2, [3]], { x: null }],
    n: 12.5,
    flag: true,
    nothing: null,
  };
  for (const text of [JSON.stringify(state), JSON.stringify(state, null, 2), JSON.stringify(state, null, "\t")]) {
    const s = sections(text);
    assert.deepEqual(s.names(), Object.keys(state));
    for (const [name, value] of Object.entries(state)) assert.deepEqual(s.parse(name), value);
    assert.equal(s.parse("missing"), undefined);
  }
});

test("an empty object has no sections", () => {
  assert.deepEqual(sections("{}").names(), []);
  assert.deepEqual(sections("  { }\n").names(), []);
});

test("malformed app state is refused with the place it breaks", () => {
  assert.throws(() => sections("[1,2]"), /must be a JSON object/);
  assert.throws(() => sections('{"a": 1, "a": 2}'), /"a" twice/);
  assert.throws(() => sections('{"a": "unterminated}'), /unterminated string/);
  assert.throws(() => sections('{"a": {"b": [1, 2}'), /unbalanced brackets|expected ',' or '}'/);
  assert.throws(() => sections('{"a" 1}'), /expected ':' after "a"/);
  assert.throws(() => sections('{"a": 1} extra'), /data after its closing brace/);
  assert.throws(() => sections('{"a": 1'), /before its closing brace|expected ',' or '}'/);
});

test("a streamed section yields its arrays' elements one by one, equal to a full parse", () => {
  const state = { bank: { params: { send_enabled: [{ denom: "x", enabled: true }] }, balances: [{ address: "a]", coins: [{ denom: "u", amount: "1" }] }, { address: "b", coins: [] }], supply: [], n: 3 } };
  const s = sections(JSON.stringify(state, null, 1));
  const streamed = s.parseStreaming("bank") as Record<string, unknown>;
  assert.ok(!Array.isArray(streamed.balances), "arrays directly in the section are streamed");
  assert.deepEqual([...(streamed.balances as Iterable<unknown>)], state.bank.balances);
  assert.deepEqual([...(streamed.balances as Iterable<unknown>)], state.bank.balances, "and can be iterated again");
  assert.deepEqual([...(streamed.supply as Iterable<unknown>)], []);
  assert.deepEqual(streamed.params, state.bank.params, "deeper arrays are parsed whole");
  assert.equal(streamed.n, 3);
  assert.throws(() => [...(sections('{"a": {"l": [1 2]}}').parseStreaming("a") as { l: Iterable<unknown> }).l], /expected ',' or ']'/);
});
