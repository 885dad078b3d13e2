/** agora.commerce.v1's enum fields, which the gateway writes by name as jsonpb does. */
import { disputeStatusToJSON, listingStatusToJSON, orderStatusToJSON, outcomeToJSON } from "../../../generated/proto/agora/commerce/v1/commerce.js";

export const COMMERCE_ENUM_FIELDS: Record<string, (value: number) => string> = {
  listingStatus: listingStatusToJSON,
  orderStatus: orderStatusToJSON,
  disputeStatus: disputeStatusToJSON,
  outcome: outcomeToJSON,
};
