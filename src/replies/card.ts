/**
 * What a command answers, before it is drawn: the console prints it as text and the bot sends it as an
 * embed, so both say the same words. Text is Discord markdown, already escaped where it quotes.
 */
export interface Card {
  readonly title: string;
  readonly description: string;
  readonly fields: readonly CardField[];
  readonly footer?: string;
  /** A picture sent with the reply, by its attachment's file name, shown inside the card in Discord. */
  readonly image?: string;
}

export interface CardField {
  readonly name: string;
  readonly value: string;
}

export interface Reply {
  readonly cards: readonly Card[];
  /** Replies that only say something went wrong or was refused are shown to the asker alone. */
  readonly error?: boolean;
  readonly page?: { readonly index: number; readonly count: number };
}

export function errorReply(message: string): Reply {
  return { cards: [{ title: '', description: message, fields: [] }], error: true };
}
