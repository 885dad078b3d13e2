/** `agorad tx commerce ...` (stores, listings, orders, disputes, reviews) and `agorad query commerce ...`. */
import type { Command } from "commander";
import { readFileSync } from "node:fs";
import { Params } from "../../../generated/proto/agora/commerce/v1/commerce.js";
import { validateParams } from "../../../x/commerce/params.js";
import * as t from "../../../x/commerce/types.js";
import { CliError, DEFAULT_NODE, globalOptions, printResult } from "../cli.js";
import * as c from "./commerce.js";
import { addBroadcastOptions, broadcast, NODE_HELP, reportTx, type SendFlags } from "./commands.js";

type Flags = SendFlags & { from: string } & Record<string, string | undefined>;

/** One signed commerce tx command: `args` maps the positional arguments and flags to the message's fields. */
function txCommand(group: Command, usage: string, description: string, signerHelp: string, type: Parameters<typeof c.sendCommerce>[1], signerField: string, fields: (args: string[], flags: Flags) => Record<string, unknown>): Command {
  return addBroadcastOptions(group.command(usage))
    .description(description)
    .requiredOption("--from <key_or_address>", signerHelp)
    .action(async (...all: unknown[]) => {
      const cmd = all[all.length - 1] as Command;
      const flags = all[all.length - 2] as Flags;
      const args = all.slice(0, -2) as string[];
      reportTx(cmd, await c.sendCommerce(broadcast(flags.from, flags, cmd), type, signerField, fields(args, flags)));
    });
}

function printProposal(cmd: Command, proposal: Record<string, unknown>, what: string): void {
  const options = globalOptions(cmd);
  // On stderr, so `... > proposal.json` writes the proposal alone.
  if (options.output === "text") process.stderr.write(`${what} is signed by the governance authority: set the deposit, then \`agorad tx gov submit-proposal proposal.json --from <key>\`\n`);
  printResult(options, proposal, JSON.stringify(proposal, null, 2));
}

export function registerCommerceTxCommands(tx: Command): void {
  const g = tx.command("commerce").description("the marketplace (agora.commerce.v1): stores, listings, escrowed orders, disputes, reviews");
  const seller = "the store's owner";
  const buyer = "the order's buyer";
  txCommand(g, "create-store <name>", "open a store, e.g. `agorad tx commerce create-store \"Tea House\" --from alice`", "the store's owner", t.MsgCreateStore, "owner", ([name], f) => ({ name, metadata: f["metadata"] ?? "" }))
    .option("--metadata <text>", "a URI or short text about the store");
  txCommand(g, "update-store <store_id> <name>", "rename a store or change its metadata", seller, t.MsgUpdateStore, "owner", ([id, name], f) => ({ storeId: c.parseId(id!, "store id"), name, metadata: f["metadata"] ?? "" }))
    .option("--metadata <text>", "a URI or short text about the store");
  txCommand(g, "create-listing <store_id> <title> <unit_price> <inventory>", "list an item, e.g. `create-listing 1 \"Green tea\" 5000000uagora 10 --from alice`", seller, t.MsgCreateListing, "seller", ([id, title, price, inventory], f) => ({
    storeId: c.parseId(id!, "store id"), title, price: c.parsePrice(price!), inventory: c.parseInventory(inventory!), descriptionHash: f["descriptionHash"] ?? "", descriptionUri: f["descriptionUri"] ?? "",
  }))
    .option("--description-hash <hex>", "SHA-256 (hex) of the full description")
    .option("--description-uri <uri>", "where the full description is");
  txCommand(g, "update-listing <listing_id> <unit_price> <inventory>", "set a listing's price, inventory and status (restocking a sold-out listing reopens it)", seller, t.MsgUpdateListing, "seller", ([id, price, inventory], f) => ({
    listingId: c.parseId(id!, "listing id"), price: c.parsePrice(price!), inventory: c.parseInventory(inventory!), listingStatus: c.parseListingStatus(f["status"] ?? "active"),
  })).option("--status <status>", "active, paused or closed (closed is final)", "active");
  txCommand(g, "order <listing_id> <quantity> <unit_price>", "buy: price x quantity moves into escrow at once; <unit_price> must be the listing's current price", "the buyer", t.MsgPlaceOrder, "buyer", ([id, quantity, price]) => ({
    listingId: c.parseId(id!, "listing id"), quantity: c.parseId(quantity!, "quantity"), price: c.parsePrice(price!),
  }));
  txCommand(g, "cancel <order_id>", "cancel an order before it ships: the escrow is refunded and the inventory restored", buyer, t.MsgCancelOrder, "buyer", ([id]) => ({ orderId: c.parseId(id!, "order id") }));
  txCommand(g, "ship <order_id>", "mark an order shipped: it releases to you on confirmation or after the release timeout", "the order's seller", t.MsgShipOrder, "seller", ([id], f) => ({ orderId: c.parseId(id!, "order id"), tracking: f["tracking"] ?? "" }))
    .option("--tracking <text>", "a tracking number or note for the buyer");
  txCommand(g, "confirm <order_id>", "confirm delivery: the escrow goes to the seller, less the marketplace fee", buyer, t.MsgConfirmDelivery, "buyer", ([id]) => ({ orderId: c.parseId(id!, "order id") }));
  txCommand(g, "refund <order_id>", "give the buyer the whole escrow back (before release, and not during a dispute)", "the order's seller", t.MsgRefundOrder, "seller", ([id]) => ({ orderId: c.parseId(id!, "order id") }));
  txCommand(g, "dispute <order_id> <reason>", "dispute an order before release: its escrow freezes until an arbiter decides", buyer, t.MsgOpenDispute, "buyer", ([id, reason]) => ({ orderId: c.parseId(id!, "order id"), reason }));
  txCommand(g, "decide <order_id> <refund|release|split>", "decide a dispute (arbiter role); carried out after the appeal window", "a holder of the arbiter role", t.MsgDecideDispute, "arbiter", ([id, outcome], f) => ({
    orderId: c.parseId(id!, "order id"), decision: c.parseDecision(outcome!, f["buyerShareBps"]),
  })).option("--buyer-share-bps <bps>", "for a split: the buyer's share in basis points (1 to 9999)");
  txCommand(g, "appeal <order_id>", "appeal a decided dispute to governance (once, by buyer or seller)", "the order's buyer or seller", t.MsgAppealDispute, "signer", ([id]) => ({ orderId: c.parseId(id!, "order id") }));
  txCommand(g, "review <order_id> <rating> [text]", "rate a completed order's store 1 to 5, once", buyer, t.MsgReviewOrder, "buyer", ([id, rating, text]) => {
    if (!/^[1-5]$/.test(rating!)) throw new CliError(`invalid rating "${rating}": expected 1 to 5`);
    return { orderId: c.parseId(id!, "order id"), rating: Number(rating), text: text ?? "" };
  });
  g.command("resolve-appeal <order_id> <refund|release|split>")
    .description("print a proposal.json with governance's decision on an appealed dispute (MsgResolveDisputeAppeal)")
    .option("--buyer-share-bps <bps>", "for a split: the buyer's share in basis points (1 to 9999)")
    .action((id: string, outcome: string, flags: { buyerShareBps?: string }, cmd: Command) =>
      printProposal(cmd, c.resolveAppealProposal(c.parseId(id, "order id"), c.parseDecision(outcome, flags.buyerShareBps)), "MsgResolveDisputeAppeal"),
    );
  g.command("update-params <params_json_file>")
    .description("print a proposal.json that sets the commerce params from a file in the params query's JSON")
    .action((file: string, _flags: unknown, cmd: Command) => {
      const params = Params.fromJSON(JSON.parse(readFileSync(file, "utf8")).params ?? JSON.parse(readFileSync(file, "utf8")));
      try {
        validateParams(params);
      } catch (err) {
        throw new CliError(`invalid params in ${file}: ${(err as Error).message}`);
      }
      printProposal(cmd, c.authorityProposal(t.MsgUpdateParams.typeUrl, { params: c.snakeJson(Params.toJSON(params)) }, "Update the commerce params", "Sets the marketplace fee, timeouts and text limits."), "MsgUpdateParams");
    });
}

export function registerCommerceQueryCommands(query: Command): void {
  const g = query.command("commerce").description("marketplace queries (agora.commerce.v1); lists page with --limit and --offset");
  const Q = c.QUERIES;
  const one = (usage: string, description: string, run: (args: string[], node: string, page: { limit: bigint; offset: bigint }) => Promise<unknown>) =>
    g.command(usage)
      .description(description)
      .option("--node <url>", NODE_HELP, DEFAULT_NODE)
      .option("--limit <n>", "at most this many entries", "100")
      .option("--offset <n>", "skip this many entries", "0")
      .action(async (...all: unknown[]) => {
        const cmd = all[all.length - 1] as Command;
        const flags = all[all.length - 2] as { node: string; limit: string; offset: string };
        if (!/^\d+$/.test(flags.limit) || !/^\d+$/.test(flags.offset)) throw new CliError("--limit and --offset take whole numbers");
        const res = await run(all.slice(0, -2) as string[], flags.node, { limit: BigInt(flags.limit), offset: BigInt(flags.offset) });
        printResult(globalOptions(cmd), res, JSON.stringify(res, null, 2));
      });
  one("params", "the marketplace fee, timeouts and text limits", (_a, node) => c.commerceQuery(node, "Params", Q.QueryParamsRequest, {}, Q.QueryParamsResponse));
  one("store <store_id>", "a store, with its average rating", ([id], node) => c.commerceQuery(node, "Store", Q.QueryStoreRequest, { storeId: c.parseId(id!, "store id") }, Q.QueryStoreResponse));
  one("listing <listing_id>", "a listing", ([id], node) => c.commerceQuery(node, "Listing", Q.QueryListingRequest, { listingId: c.parseId(id!, "listing id") }, Q.QueryListingResponse));
  one("order <order_id>", "an order and its escrow", ([id], node) => c.commerceQuery(node, "Order", Q.QueryOrderRequest, { orderId: c.parseId(id!, "order id") }, Q.QueryOrderResponse));
  one("dispute <order_id>", "the dispute of an order", ([id], node) => c.commerceQuery(node, "Dispute", Q.QueryDisputeRequest, { orderId: c.parseId(id!, "order id") }, Q.QueryDisputeResponse));
  one("listings-by-store <store_id>", "a store's listings", ([id], node, p) => c.commerceQuery(node, "ListingsByStore", Q.QueryListingsByStoreRequest, { storeId: c.parseId(id!, "store id"), pagination: p }, Q.QueryListingsByStoreResponse));
  one("listings-by-status <status>", "listings that are active, paused, sold-out or closed", ([s], node, p) => c.commerceQuery(node, "ListingsByStatus", Q.QueryListingsByStatusRequest, { listingStatus: c.parseListingStatus(s!), pagination: p }, Q.QueryListingsByStatusResponse));
  one("orders-by-buyer <address>", "a buyer's orders", ([a], node, p) => c.commerceQuery(node, "OrdersByBuyer", Q.QueryOrdersByBuyerRequest, { buyer: c.checkBuyer(a!), pagination: p }, Q.QueryOrdersByBuyerResponse));
  one("orders-by-seller <address>", "a seller's orders", ([a], node, p) => c.commerceQuery(node, "OrdersBySeller", Q.QueryOrdersBySellerRequest, { seller: c.checkSeller(a!), pagination: p }, Q.QueryOrdersBySellerResponse));
  one("orders-by-status <status>", "orders by status (placed, shipped, disputed, completed, refunded, cancelled, split)", ([s], node, p) => c.commerceQuery(node, "OrdersByStatus", Q.QueryOrdersByStatusRequest, { orderStatus: c.parseOrderStatus(s!), pagination: p }, Q.QueryOrdersByStatusResponse));
  one("pending-disputes", "disputes whose escrow has not moved yet", (_a, node, p) => c.commerceQuery(node, "PendingDisputes", Q.QueryPendingDisputesRequest, { pagination: p }, Q.QueryPendingDisputesResponse));
  one("reviews <store_id>", "a store's reviews", ([id], node, p) => c.commerceQuery(node, "StoreReviews", Q.QueryStoreReviewsRequest, { storeId: c.parseId(id!, "store id"), pagination: p }, Q.QueryStoreReviewsResponse));
}
