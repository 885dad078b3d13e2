/**
 * Where a localnet's nodes live and listen. Node i has the home `<dir>/node<i>` and the devnet's
 * ports shifted by 10·i (plus the shift of --starting-port), so node0 answers where a devnet does:
 *
 *   node   p2p     RPC     ABCI    REST   gRPC
 *   node0  26656   26657   26658   1317   9090
 *   node1  26666   26667   26668   1327   9100
 *   node2  26676   26677   26678   1337   9110
 *   node3  26686   26687   26688   1347   9120
 */
import { join } from "node:path";
import { PORTS } from "../../../app/constants.js";
import { CliError } from "../cli.js";

/** Node i's ports are node0's plus this much. */
export const PORT_STEP = 10;
export const DEFAULT_STARTING_PORT = PORTS.p2p;

export interface NodePorts {
  p2p: number;
  rpc: number;
  abci: number;
  rest: number;
  grpc: number;
}

/** Node `index`'s ports when node0's p2p port is `startingPort`; throws if one falls outside 1024..65535. */
export function nodePorts(index: number, startingPort: number = DEFAULT_STARTING_PORT): NodePorts {
  const shift = startingPort - PORTS.p2p + PORT_STEP * index;
  const ports = { p2p: PORTS.p2p + shift, rpc: PORTS.rpc + shift, abci: PORTS.abci + shift, rest: PORTS.rest + shift, grpc: PORTS.grpc + shift };
  for (const [name, port] of Object.entries(ports)) {
    if (port < 1024 || port > 65535) {
      throw new CliError(`--starting-port ${startingPort} puts node${index}'s ${name} port at ${port}, outside 1024..65535: choose a starting port near ${PORTS.p2p}`);
    }
  }
  return ports;
}

export const nodeName = (index: number) => `node${index}`;
export const nodeHome = (dir: string, index: number) => join(dir, nodeName(index));

/** The processes of one node: its app (`agorad start --no-comet`) and its CometBFT node. */
export const NODE_PROCESSES = ["app", "comet"] as const;
export type NodeProcess = (typeof NODE_PROCESSES)[number];

export const pidFile = (home: string, which: NodeProcess) => join(home, which === "app" ? "agorad.pid" : "cometbft.pid");
export const logFile = (home: string, which: NodeProcess) => join(home, which === "app" ? "agorad.log" : "cometbft.log");

/** The layout file init-files writes, so start, stop and the node script know the nodes and ports. */
export const layoutFile = (dir: string) => join(dir, "localnet.json");

export interface LocalnetLayout {
  chain_id: string;
  starting_port: number;
  /** Validators first (node0..); each one's home is `<dir>/<name>`. */
  nodes: { name: string; ports: NodePorts; validator: boolean }[];
}
