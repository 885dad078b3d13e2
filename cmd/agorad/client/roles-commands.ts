/** `agorad tx roles grant|revoke|set-admin` and `agorad query roles holders|of|has`. */
import type { Command } from "commander";
import { DEFAULT_NODE, globalOptions, printResult } from "../cli.js";
import { addBroadcastOptions, broadcast, NODE_HELP, reportTx, type SendFlags } from "./commands.js";
import { describeExpiry, grantRole, queryHasRole, queryRoleHolders, queryRolesOf, revokeRole, setRoleAdminProposal } from "./roles.js";

export function registerRolesTxCommands(tx: Command): void {
  const roles = tx.command("roles").description("role grants (agora.roles.v1): signed by a holder of the role's admin role");
  addBroadcastOptions(roles.command("grant <role> <address>"))
    .description("grant a role, e.g. `agorad tx roles grant pauser agora1... --from admin`; granting a held role replaces its expiry")
    .requiredOption("--from <key_or_address>", "a holder of the role's admin role (admin unless governance set another)")
    .option("--expires-at-height <height>", "the first height at which the grant no longer counts (default: never expires)")
    .action(async (role: string, address: string, flags: SendFlags & { from: string; expiresAtHeight?: string }, cmd: Command) =>
      reportTx(cmd, await grantRole({ ...broadcast(flags.from, flags, cmd), role, address, expiresAtHeight: flags.expiresAtHeight })),
    );
  addBroadcastOptions(roles.command("revoke <role> <address>"))
    .description("revoke a role from its holder, e.g. `agorad tx roles revoke pauser agora1... --from admin`")
    .requiredOption("--from <key_or_address>", "a holder of the role's admin role (admin unless governance set another)")
    .action(async (role: string, address: string, flags: SendFlags & { from: string }, cmd: Command) =>
      reportTx(cmd, await revokeRole({ ...broadcast(flags.from, flags, cmd), role, address })),
    );
  roles
    .command("set-admin <role> <admin_role>")
    .description(
      "print a proposal.json that lets holders of <admin_role> grant and revoke <role>: only the governance authority " +
        "signs MsgSetRoleAdmin, so submit it with `agorad tx gov submit-proposal`",
    )
    .action((role: string, adminRole: string, _flags: unknown, cmd: Command) => {
      const options = globalOptions(cmd);
      const proposal = setRoleAdminProposal({ role, adminRole });
      if (options.output === "text") {
        // On stderr, so `agorad tx roles set-admin ... > proposal.json` writes the proposal alone.
        process.stderr.write("MsgSetRoleAdmin is signed by the governance authority: set the deposit, then `agorad tx gov submit-proposal proposal.json --from <key>`\n");
      }
      printResult(options, proposal, JSON.stringify(proposal, null, 2));
    });
}

export function registerRolesQueryCommands(query: Command): void {
  const roles = query.command("roles").description("role queries (agora.roles.v1): expired grants are never listed");
  roles
    .command("holders <role>")
    .description("every address holding a role, with its expiry")
    .option("--node <url>", NODE_HELP, DEFAULT_NODE)
    .action(async (role: string, flags: { node: string }, cmd: Command) => {
      const res = await queryRoleHolders({ node: flags.node, role });
      const text = res.grants.length ? res.grants.map((g) => `${g.address} (${describeExpiry(g.expires_at_height)})`).join("\n") : `(nobody holds ${role})`;
      printResult(globalOptions(cmd), res, text);
    });
  roles
    .command("of <address>")
    .description("every role an address holds, with its expiry")
    .option("--node <url>", NODE_HELP, DEFAULT_NODE)
    .action(async (address: string, flags: { node: string }, cmd: Command) => {
      const res = await queryRolesOf({ node: flags.node, address });
      const text = res.grants.length ? res.grants.map((g) => `${g.role} (${describeExpiry(g.expires_at_height)})`).join("\n") : "(no roles)";
      printResult(globalOptions(cmd), res, text);
    });
  roles
    .command("has <role> <address>")
    .description("whether an address holds a role in the next block")
    .option("--node <url>", NODE_HELP, DEFAULT_NODE)
    .action(async (role: string, address: string, flags: { node: string }, cmd: Command) => {
      const res = await queryHasRole({ node: flags.node, role, address });
      printResult(globalOptions(cmd), res, res.has_role ? `yes (${describeExpiry(res.expires_at_height)})` : "no");
    });
}
