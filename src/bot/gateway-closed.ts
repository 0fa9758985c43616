import { GatewayCloseCodes } from 'discord.js';

/**
 * Discord closed the gateway with a code after which discord.js never reconnects (4004 a wrong or
 * revoked token, 4013 and 4014 refused intents, ...). The bot can no longer receive anything, so the
 * process should end and say why: the host restarts it, or a person fixes what the message names.
 */
export class GatewayClosedError extends Error {
  constructor(
    readonly code: number,
    /** The shard it was closed on, named in the message when the bot runs more than one. */
    readonly shard: { readonly id: number; readonly count: number },
  ) {
    const on = shard.count > 1 ? ` on shard ${shard.id} of ${shard.count}` : '';
    super(`Discord closed the gateway for good (${code} ${GatewayCloseCodes[code] ?? 'unknown'})${on}: ${remedy(code)}`);
    this.name = 'GatewayClosedError';
  }
}

function remedy(code: number): string {
  switch (code) {
    case GatewayCloseCodes.AuthenticationFailed:
      return "the token is wrong or was revoked; put the bot's current token (Developer Portal > Bot > Reset Token) in DISCORD_TOKEN";
    case GatewayCloseCodes.InvalidIntents:
    case GatewayCloseCodes.DisallowedIntents:
      return 'Discord refused the gateway intents the bot asks for; check Developer Portal > Bot > Privileged Gateway Intents';
    case GatewayCloseCodes.ShardingRequired:
      return 'Discord wants the servers spread over more shards than the bot runs; leave SHARD_PROCESSES unset, so that the bot runs as many as Discord recommends, or raise it (README, Scale)';
    default:
      return 'discord.js does not reconnect after this code';
  }
}
