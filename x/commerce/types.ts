/**
 * The commerce module's names, errors and message types. Domain only: importing this file pulls
 * in no keeper.
 */
import * as tx from "../../generated/proto/agora/commerce/v1/tx.js";
import { typedMessage, type GeneratedCodec, type MessageType } from "../../sdk/codec/registry.js";
import { register } from "../../sdk/types/errors.js";

export const COMMERCE_MODULE = "commerce";
export const COMMERCE_STORE = "commerce";
/** The module account that holds every open order's escrow, and nothing else. */
export const ESCROW_ACCOUNT = "commerce_escrow";
/** The role whose holders decide disputes. */
export const ARBITER_ROLE = "arbiter";
/** 100% in basis points. */
export const BPS_ONE = 10_000n;

export const ErrStoreNotFound = register(COMMERCE_MODULE, 2, "store not found");
export const ErrListingNotFound = register(COMMERCE_MODULE, 3, "listing not found");
export const ErrOrderNotFound = register(COMMERCE_MODULE, 4, "order not found");
export const ErrNotOwner = register(COMMERCE_MODULE, 5, "not the owner");
export const ErrListingUnavailable = register(COMMERCE_MODULE, 6, "listing does not take orders");
export const ErrInsufficientInventory = register(COMMERCE_MODULE, 7, "insufficient inventory");
export const ErrPriceChanged = register(COMMERCE_MODULE, 8, "price does not match the listing");
export const ErrWrongOrderStatus = register(COMMERCE_MODULE, 9, "order status does not allow this");
export const ErrEscrowFrozen = register(COMMERCE_MODULE, 10, "escrow is frozen by a dispute");
export const ErrDisputeNotFound = register(COMMERCE_MODULE, 11, "dispute not found");
export const ErrWrongDisputeStatus = register(COMMERCE_MODULE, 12, "dispute status does not allow this");
export const ErrAlreadyAppealed = register(COMMERCE_MODULE, 13, "dispute was already appealed");
export const ErrAlreadyReviewed = register(COMMERCE_MODULE, 14, "order was already reviewed");
export const ErrInvalidDecision = register(COMMERCE_MODULE, 15, "invalid dispute decision");
export const ErrInvalidRating = register(COMMERCE_MODULE, 16, "rating must be 1 to 5");
export const ErrTextTooLong = register(COMMERCE_MODULE, 17, "text too long");
export const ErrInvalidListing = register(COMMERCE_MODULE, 18, "invalid listing");

const typed = <T>(name: string, codec: GeneratedCodec<T>): MessageType<T> => typedMessage(`/agora.commerce.v1.${name}`, codec);

export const MsgCreateStore = typed<tx.MsgCreateStore>("MsgCreateStore", tx.MsgCreateStore);
export const MsgCreateStoreResponse = typed<tx.MsgCreateStoreResponse>("MsgCreateStoreResponse", tx.MsgCreateStoreResponse);
export const MsgUpdateStore = typed<tx.MsgUpdateStore>("MsgUpdateStore", tx.MsgUpdateStore);
export const MsgUpdateStoreResponse = typed<tx.MsgUpdateStoreResponse>("MsgUpdateStoreResponse", tx.MsgUpdateStoreResponse);
export const MsgCreateListing = typed<tx.MsgCreateListing>("MsgCreateListing", tx.MsgCreateListing);
export const MsgCreateListingResponse = typed<tx.MsgCreateListingResponse>("MsgCreateListingResponse", tx.MsgCreateListingResponse);
export const MsgUpdateListing = typed<tx.MsgUpdateListing>("MsgUpdateListing", tx.MsgUpdateListing);
export const MsgUpdateListingResponse = typed<tx.MsgUpdateListingResponse>("MsgUpdateListingResponse", tx.MsgUpdateListingResponse);
export const MsgPlaceOrder = typed<tx.MsgPlaceOrder>("MsgPlaceOrder", tx.MsgPlaceOrder);
export const MsgPlaceOrderResponse = typed<tx.MsgPlaceOrderResponse>("MsgPlaceOrderResponse", tx.MsgPlaceOrderResponse);
export const MsgCancelOrder = typed<tx.MsgCancelOrder>("MsgCancelOrder", tx.MsgCancelOrder);
export const MsgCancelOrderResponse = typed<tx.MsgCancelOrderResponse>("MsgCancelOrderResponse", tx.MsgCancelOrderResponse);
export const MsgShipOrder = typed<tx.MsgShipOrder>("MsgShipOrder", tx.MsgShipOrder);
export const MsgShipOrderResponse = typed<tx.MsgShipOrderResponse>("MsgShipOrderResponse", tx.MsgShipOrderResponse);
export const MsgConfirmDelivery = typed<tx.MsgConfirmDelivery>("MsgConfirmDelivery", tx.MsgConfirmDelivery);
export const MsgConfirmDeliveryResponse = typed<tx.MsgConfirmDeliveryResponse>("MsgConfirmDeliveryResponse", tx.MsgConfirmDeliveryResponse);
export const MsgRefundOrder = typed<tx.MsgRefundOrder>("MsgRefundOrder", tx.MsgRefundOrder);
export const MsgRefundOrderResponse = typed<tx.MsgRefundOrderResponse>("MsgRefundOrderResponse", tx.MsgRefundOrderResponse);
export const MsgOpenDispute = typed<tx.MsgOpenDispute>("MsgOpenDispute", tx.MsgOpenDispute);
export const MsgOpenDisputeResponse = typed<tx.MsgOpenDisputeResponse>("MsgOpenDisputeResponse", tx.MsgOpenDisputeResponse);
export const MsgDecideDispute = typed<tx.MsgDecideDispute>("MsgDecideDispute", tx.MsgDecideDispute);
export const MsgDecideDisputeResponse = typed<tx.MsgDecideDisputeResponse>("MsgDecideDisputeResponse", tx.MsgDecideDisputeResponse);
export const MsgAppealDispute = typed<tx.MsgAppealDispute>("MsgAppealDispute", tx.MsgAppealDispute);
export const MsgAppealDisputeResponse = typed<tx.MsgAppealDisputeResponse>("MsgAppealDisputeResponse", tx.MsgAppealDisputeResponse);
export const MsgResolveDisputeAppeal = typed<tx.MsgResolveDisputeAppeal>("MsgResolveDisputeAppeal", tx.MsgResolveDisputeAppeal);
export const MsgResolveDisputeAppealResponse = typed<tx.MsgResolveDisputeAppealResponse>("MsgResolveDisputeAppealResponse", tx.MsgResolveDisputeAppealResponse);
export const MsgReviewOrder = typed<tx.MsgReviewOrder>("MsgReviewOrder", tx.MsgReviewOrder);
export const MsgReviewOrderResponse = typed<tx.MsgReviewOrderResponse>("MsgReviewOrderResponse", tx.MsgReviewOrderResponse);
export const MsgUpdateParams = typed<tx.MsgUpdateParams>("MsgUpdateParams", tx.MsgUpdateParams);
export const MsgUpdateParamsResponse = typed<tx.MsgUpdateParamsResponse>("MsgUpdateParamsResponse", tx.MsgUpdateParamsResponse);
