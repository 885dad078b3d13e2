/** agora.commerce.v1.Msg: each message is checked statelessly, then its signer and transition by the keeper files. */
import type { MsgRouter } from "../../sdk/baseapp/msg-router.js";
import { ErrUnauthorized } from "../../sdk/types/sdk-errors.js";
import { appealDispute, buyerShareBps, decideDispute, openDispute, resolveAppeal } from "./disputes.js";
import type { CommerceKeeper } from "./keeper.js";
import { cancelOrder, confirmDelivery, placeOrder, refundOrder, shipOrder } from "./orders.js";
import { validateParams } from "./params.js";
import { reviewOrder } from "./reviews.js";
import { createListing, createStore, updateListing, updateStore } from "./stores.js";
import * as t from "./types.js";
import { address, contentHash, nonEmpty, positiveId, positivePrice, rating, text, texts } from "./validate.js";

export function registerCommerceMsgs(router: MsgRouter, keeper: CommerceKeeper): void {
  const module = t.COMMERCE_MODULE;
  const params = (ctx: Parameters<typeof keeper.getParams>[0]) => keeper.getParams(ctx);

  router.register({
    module, type: t.MsgCreateStore, responseType: t.MsgCreateStoreResponse,
    signers: (msg) => [msg.owner],
    validateBasic(msg) { address(msg.owner); nonEmpty(msg.name, "name"); text(msg.name, "name"); text(msg.metadata, "metadata"); },
    handle(ctx, msg) {
      texts(params(ctx), { name: msg.name, metadata: msg.metadata });
      return { storeId: createStore(ctx, keeper, msg.owner, msg.name, msg.metadata) };
    },
  });
  router.register({
    module, type: t.MsgUpdateStore, responseType: t.MsgUpdateStoreResponse,
    signers: (msg) => [msg.owner],
    validateBasic(msg) { address(msg.owner); positiveId(msg.storeId, "store_id"); nonEmpty(msg.name, "name"); text(msg.name, "name"); text(msg.metadata, "metadata"); },
    handle(ctx, msg) {
      texts(params(ctx), { name: msg.name, metadata: msg.metadata });
      updateStore(ctx, keeper, msg.owner, msg.storeId, msg.name, msg.metadata);
      return {};
    },
  });
  router.register({
    module, type: t.MsgCreateListing, responseType: t.MsgCreateListingResponse,
    signers: (msg) => [msg.seller],
    validateBasic(msg) {
      address(msg.seller); positiveId(msg.storeId, "store_id"); nonEmpty(msg.title, "title"); text(msg.title, "title"); text(msg.descriptionUri, "description_uri");
      contentHash(msg.descriptionHash); positivePrice(msg.price);
    },
    handle(ctx, msg) {
      texts(params(ctx), { title: msg.title, description_uri: msg.descriptionUri });
      const { seller, storeId, title, descriptionHash, descriptionUri, inventory } = msg;
      return { listingId: createListing(ctx, keeper, { seller, storeId, title, descriptionHash, descriptionUri, price: positivePrice(msg.price), inventory }) };
    },
  });
  router.register({
    module, type: t.MsgUpdateListing, responseType: t.MsgUpdateListingResponse,
    signers: (msg) => [msg.seller],
    validateBasic(msg) { address(msg.seller); positiveId(msg.listingId, "listing_id"); positivePrice(msg.price); },
    handle(ctx, msg) {
      updateListing(ctx, keeper, msg.seller, msg.listingId, positivePrice(msg.price), msg.inventory, msg.listingStatus);
      return {};
    },
  });
  router.register({
    module, type: t.MsgPlaceOrder, responseType: t.MsgPlaceOrderResponse,
    signers: (msg) => [msg.buyer],
    validateBasic(msg) { address(msg.buyer); positiveId(msg.listingId, "listing_id"); positiveId(msg.quantity, "quantity"); positivePrice(msg.price); },
    handle: (ctx, msg) => ({ orderId: placeOrder(ctx, keeper, msg.buyer, msg.listingId, msg.quantity, positivePrice(msg.price)) }),
  });
  router.register({
    module, type: t.MsgCancelOrder, responseType: t.MsgCancelOrderResponse,
    signers: (msg) => [msg.buyer],
    validateBasic(msg) { address(msg.buyer); positiveId(msg.orderId, "order_id"); },
    handle(ctx, msg) { cancelOrder(ctx, keeper, msg.buyer, msg.orderId); return {}; },
  });
  router.register({
    module, type: t.MsgShipOrder, responseType: t.MsgShipOrderResponse,
    signers: (msg) => [msg.seller],
    validateBasic(msg) { address(msg.seller); positiveId(msg.orderId, "order_id"); text(msg.tracking, "tracking"); },
    handle(ctx, msg) {
      texts(params(ctx), { tracking: msg.tracking });
      shipOrder(ctx, keeper, msg.seller, msg.orderId, msg.tracking);
      return {};
    },
  });
  router.register({
    module, type: t.MsgConfirmDelivery, responseType: t.MsgConfirmDeliveryResponse,
    signers: (msg) => [msg.buyer],
    validateBasic(msg) { address(msg.buyer); positiveId(msg.orderId, "order_id"); },
    handle(ctx, msg) { confirmDelivery(ctx, keeper, msg.buyer, msg.orderId); return {}; },
  });
  router.register({
    module, type: t.MsgRefundOrder, responseType: t.MsgRefundOrderResponse,
    signers: (msg) => [msg.seller],
    validateBasic(msg) { address(msg.seller); positiveId(msg.orderId, "order_id"); },
    handle(ctx, msg) { refundOrder(ctx, keeper, msg.seller, msg.orderId); return {}; },
  });
  router.register({
    module, type: t.MsgOpenDispute, responseType: t.MsgOpenDisputeResponse,
    signers: (msg) => [msg.buyer],
    validateBasic(msg) { address(msg.buyer); positiveId(msg.orderId, "order_id"); nonEmpty(msg.reason, "reason"); text(msg.reason, "reason"); },
    handle(ctx, msg) {
      texts(params(ctx), { reason: msg.reason });
      openDispute(ctx, keeper, msg.buyer, msg.orderId, msg.reason);
      return {};
    },
  });
  router.register({
    module, type: t.MsgDecideDispute, responseType: t.MsgDecideDisputeResponse,
    signers: (msg) => [msg.arbiter],
    validateBasic(msg) { address(msg.arbiter); positiveId(msg.orderId, "order_id"); buyerShareBps(msg.decision); },
    handle(ctx, msg) { decideDispute(ctx, keeper, msg.arbiter, msg.orderId, msg.decision!); return {}; },
  });
  router.register({
    module, type: t.MsgAppealDispute, responseType: t.MsgAppealDisputeResponse,
    signers: (msg) => [msg.signer],
    validateBasic(msg) { address(msg.signer); positiveId(msg.orderId, "order_id"); },
    handle(ctx, msg) { appealDispute(ctx, keeper, msg.signer, msg.orderId); return {}; },
  });
  router.register({
    module, type: t.MsgResolveDisputeAppeal, responseType: t.MsgResolveDisputeAppealResponse,
    signers: (msg) => [msg.authority],
    validateBasic(msg) { address(msg.authority); positiveId(msg.orderId, "order_id"); buyerShareBps(msg.decision); },
    handle(ctx, msg) { resolveAppeal(ctx, keeper, msg.authority, msg.orderId, msg.decision!); return {}; },
  });
  router.register({
    module, type: t.MsgReviewOrder, responseType: t.MsgReviewOrderResponse,
    signers: (msg) => [msg.buyer],
    validateBasic(msg) { address(msg.buyer); positiveId(msg.orderId, "order_id"); rating(msg.rating); text(msg.text, "text"); },
    handle(ctx, msg) {
      text(msg.text, "text", params(ctx).maxReviewLength);
      reviewOrder(ctx, keeper, msg.buyer, msg.orderId, msg.rating, msg.text);
      return {};
    },
  });
  router.register({
    module, type: t.MsgUpdateParams, responseType: t.MsgUpdateParamsResponse,
    signers: (msg) => [msg.authority],
    validateBasic(msg) { address(msg.authority); validateParams(msg.params); },
    handle(ctx, msg) {
      if (msg.authority !== keeper.authority) throw ErrUnauthorized.wrap(`invalid authority; expected ${keeper.authority}, got ${msg.authority}`);
      keeper.params.set(ctx, msg.params!);
      ctx.events.emit("commerce_params_updated", { marketplace_fee: msg.params!.marketplaceFee, release_timeout_seconds: msg.params!.releaseTimeoutSeconds.toString() });
      return {};
    },
  });
}
