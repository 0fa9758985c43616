import type { ActionRowBuilder, AutocompleteInteraction, ChatInputCommandInteraction, MessageActionRowComponentBuilder, SlashCommandStringOption } from 'discord.js';
import type { Article } from '../corpus/article';
import type { Library } from '../library/library';
import type { Reply } from '../replies/card';
import { DISCORD_LIMITS, truncate } from '../replies/limits';
import { replyLocaleFor, scriptFor, type ReplyLocale } from '../replies/locale';
import type { SourcesOf } from '../replies/sources';
import { inScript } from '../text/script';
import { chinese, type CommandContext } from './command';
import { mustDefer } from './deferral';
import { toMessage, toUpdate } from './render';
import { sourcesButtonRow } from './sources-button';

export const ARTICLE_OPTION = 'article';

/** The `article` option of /participants and /summary: an article id, offered by autocomplete. */
export function articleOption(option: SlashCommandStringOption): SlashCommandStringOption {
  return option
    .setName(ARTICLE_OPTION)
    .setNameLocalizations(chinese('文章', '文章'))
    .setDescription('Type part of a title, an organisation, a date or an id')
    .setDescriptionLocalizations(chinese('输入标题、单位、日期或 ID 的一部分', '輸入標題、單位、日期或 ID 的一部分'))
    .setRequired(true)
    .setMaxLength(DISCORD_LIMITS.optionValue)
    .setAutocomplete(true);
}

/** Discord drops an autocomplete answer after 3 seconds: just after a start, the finder may still be loading. */
const AUTOCOMPLETE_WAIT_MS = 2000;

/**
 * Answers autocomplete from the article finder (a worker thread's minisearch), well inside Discord's 3 seconds: up to 25 articles, best first,
 * each shown as its date and title in the reader's script, with its id as the value.
 */
export async function autocompleteArticle(interaction: AutocompleteInteraction, { library }: CommandContext): Promise<void> {
  const script = scriptFor(replyLocaleFor(interaction.locale));
  const typed = interaction.options.getFocused();
  const choices = (await library.suggest(typed, DISCORD_LIMITS.autocompleteChoices, AUTOCOMPLETE_WAIT_MS))
    .filter(article => article.id.length <= DISCORD_LIMITS.optionValue)
    .map(article => ({
      name: truncate(inScript([article.date?.text, article.title].filter(Boolean).join(' '), script) || article.id, DISCORD_LIMITS.choiceName),
      value: article.id,
    }));
  await interaction.respond(choices);
}

/**
 * Answers /participants or /summary for the chosen article, deferring first when its analysis may take a
 * while (see mustDefer); the analysis runs in a worker, so other users are answered meanwhile. An answer
 * about an article carries the Sources button that shows where each of its answers comes from.
 */
export async function answerForArticle(
  interaction: ChatInputCommandInteraction,
  { library }: CommandContext,
  of: SourcesOf,
  answer: (library: Library, id: string, locale: ReplyLocale) => Promise<Reply>,
  /** Rows under the answer besides the Sources button (the /participants menu that leads to /person). */
  moreRows: (library: Library, article: Article, locale: ReplyLocale) => ActionRowBuilder<MessageActionRowComponentBuilder>[] = () => [],
): Promise<void> {
  const typed = interaction.options.getString(ARTICLE_OPTION, true);
  const locale = replyLocaleFor(interaction.locale);
  // A value typed rather than picked that names one article is answered, and deferred, as that article.
  const named = library.articlesNamed(typed);
  const id = named.length === 1 ? named[0]!.id : typed;
  const article = library.get(id);
  if (await mustDefer(library, article)) await interaction.deferReply();
  const reply = await answer(library, id, locale);
  const rows = article && !reply.error ? [sourcesButtonRow(of, article.id, locale), ...moreRows(library, article, locale)] : [];
  if (interaction.deferred) await interaction.editReply(toUpdate(reply, rows));
  else await interaction.reply(toMessage(reply, rows));
}
