import assert from "node:assert/strict";
import { test } from "node:test";
import { VoteOption } from "cosmjs-types/cosmos/gov/v1/gov";
import { AppealStatus, ModerationAction } from "../../generated/proto/agora/social/v1/social.js";
import { encodeProto } from "../../sdk/codec/encode.js";
import { GovChain, type EncodedMsg } from "../../test/support/governance.js";
import * as t from "./types.js";

const encoded = <T>(type: { typeUrl: string } & Parameters<typeof encodeProto<T>>[0], value: T): EncodedMsg => ({ typeUrl: type.typeUrl, value: encodeProto(type, value) });

test("governance hides a post by proposal, the author's appeal gathers supporters, and a second proposal restores the post", async () => {
  const gov = await GovChain.open([1_000_000n, 10n, 10n, 10n]);
  try {
    const [author, ...supporters] = gov.members as [typeof gov.members[0], ...typeof gov.members];
    for (const [i, member] of gov.members.entries()) {
      const res = await gov.tx(member, [encoded(t.MsgSetProfile, { owner: member.address, handle: `member_${i}`, displayName: "", bio: "", avatarUri: "" })]);
      assert.equal(res.code, 0, res.log);
    }
    const posted = await gov.tx(author, [encoded(t.MsgCreatePost, { author: author.address, content: { text: "a hot take", contentHash: "", uri: "" }, replyTo: 0n })]);
    assert.equal(posted.code, 0, posted.log);
    const pass = async (msg: EncodedMsg) => {
      const id = await gov.propose(author, [msg], 1_000n);
      assert.equal((await gov.vote(author, id, VoteOption.VOTE_OPTION_YES)).code, 0);
      gov.advance(10);
      assert.equal(gov.status(id), "PROPOSAL_STATUS_PASSED");
    };
    await pass(encoded(t.MsgModeratePost, { moderator: gov.authority, postId: 1n, action: ModerationAction.MODERATION_ACTION_HIDE, reasonCode: "heated" }));
    const social = gov.chain.app.social;
    assert.equal(social.posts.get(gov.chain.app.base.queryContext(), 1n)!.hidden, true);

    assert.equal((await gov.tx(author, [encoded(t.MsgAppeal, { author: author.address, postId: 1n, statement: "it was fair" })])).code, 0);
    for (const supporter of supporters) assert.equal((await gov.tx(supporter, [encoded(t.MsgSupportAppeal, { supporter: supporter.address, appealId: 1n })])).code, 0);
    assert.equal(social.appeals.get(gov.chain.app.base.queryContext(), 1n)!.status, AppealStatus.APPEAL_STATUS_ESCALATED);

    await pass(encoded(t.MsgResolveAppeal, { authority: gov.authority, appealId: 1n, restore: true, reason: "fair comment" }));
    const ctx = gov.chain.app.base.queryContext();
    assert.equal(social.posts.get(ctx, 1n)!.hidden, false);
    assert.equal(social.posts.get(ctx, 1n)!.decision!.decidedBy, gov.authority);
    assert.deepEqual(social.appeals.get(ctx, 1n)!.status, AppealStatus.APPEAL_STATUS_RESTORED);
  } finally {
    await gov.destroy();
  }
});
