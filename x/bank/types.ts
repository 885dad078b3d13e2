/** The bank module's names, errors and default parameters. */
import type { Params } from "cosmjs-types/cosmos/bank/v1beta1/bank";
import { register } from "../../sdk/types/errors.js";

export const BANK_MODULE = "bank";
export const BANK_STORE = "bank";

export const ErrNoInputs = register(BANK_MODULE, 2, "no inputs to send transaction");
export const ErrNoOutputs = register(BANK_MODULE, 3, "no outputs to send transaction");
export const ErrInputOutputMismatch = register(BANK_MODULE, 4, "sum inputs != sum outputs");
export const ErrSendDisabled = register(BANK_MODULE, 5, "send transactions are disabled");
export const ErrDenomMetadataNotFound = register(BANK_MODULE, 6, "client denom metadata not found");
export const ErrMultipleSenders = register(BANK_MODULE, 8, "multiple senders not allowed");

export const DEFAULT_BANK_PARAMS: Params = { sendEnabled: [], defaultSendEnabled: true };

/** Module permissions a module account needs to mint or burn. */
export const MINTER = "minter";
export const BURNER = "burner";
