import { AttachmentBuilder, MessageFlags, SlashCommandBuilder, type ButtonInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { chinese, usableEverywhere, type CommandContext, type SlashCommand } from '../src/discord/command';
import { fromOption, textOption, toOption } from '../src/discord/options';
import { answerPagePress, replyWithSession } from '../src/discord/paged-reply';
import { EXPORT_ACTION, pagingExportRow, toMessage, toUpdate } from '../src/discord/render';
import type { SearchSession } from '../src/discord/search-sessions';
import { errorReply, type Reply } from '../src/replies/card';
import { labelsFor } from '../src/replies/labels';
import { DISCORD_LIMITS } from '../src/replies/limits';
import { replyLocaleFor, type ReplyLocale } from '../src/replies/locale';
import { searchReply } from '../src/replies/search';
import { searchCsvWithin } from '../src/replies/search-export';
import { parseSort, SEARCH_SORTS, type SearchOptions } from '../src/search/options';
import { MAX_PHRASE_LENGTH } from '../src/search/phrase';

/**
 * /search and the buttons under its answer, whose custom ids name the search's session:
 *   `search:<session>:<n>`        turns to page n: the asker's reply in place, or for anyone else an
 *                                  ephemeral copy of their own at that page, which they turn in place;
 *   `search:<session>:export`     sends the whole result as a CSV file to whoever presses.
 */
const NAME = 'search';

const data = usableEverywhere(new SlashCommandBuilder())
  .setName(NAME)
  .setNameLocalizations(chinese('搜索', '搜尋'))
  .setDescription('Find every article that mentions a phrase, in Simplified or Traditional script')
  .setDescriptionLocalizations(chinese('查找提及某个短语的所有文章（简体或繁体均可）', '查找提及某個短語的所有文章（簡體或繁體皆可）'))
  .addStringOption(option =>
    textOption('phrase', ['短语', '短語'], 'The phrase to find, e.g. 新質生產力', ['要查找的短语，例如 新质生产力', '要查找的短語，例如 新質生產力'], MAX_PHRASE_LENGTH)(option).setRequired(true),
  )
  .addStringOption(textOption('also', ['同时包含', '同時包含'], 'Articles must also contain this phrase', ['文章还须包含这个短语', '文章還須包含這個短語'], MAX_PHRASE_LENGTH))
  .addStringOption(textOption('without', ['不含', '不含'], 'Articles must not contain this phrase', ['文章不得包含这个短语', '文章不得包含這個短語'], MAX_PHRASE_LENGTH))
  .addStringOption(fromOption)
  .addStringOption(toOption)
  .addStringOption(option =>
    option
      .setName('sort')
      .setNameLocalizations(chinese('排序', '排序'))
      .setDescription('The order of the results (most mentions first unless chosen)')
      .setDescriptionLocalizations(chinese('结果的顺序（默认提及最多在前）', '結果的順序（預設提及最多在前）'))
      .addChoices(SEARCH_SORTS.map(sort => ({ name: labelsFor('en').sorts[sort], name_localizations: chinese(labelsFor('zh-CN').sorts[sort], labelsFor('zh-TW').sorts[sort]), value: sort }))),
  )
  .toJSON();

/** The row under a result: Previous and Next when there are several pages, and Export. */
function buttons(sessionId: string, view: { index: number; count: number }, locale: ReplyLocale, disabled = false) {
  return pagingExportRow(NAME, sessionId, view, labelsFor(locale), disabled);
}

function optionsOf(interaction: ChatInputCommandInteraction): SearchOptions {
  const phrase = (name: string) => {
    const value = interaction.options.getString(name);
    return value === null ? [] : [value];
  };
  return {
    also: phrase('also'),
    without: phrase('without'),
    from: interaction.options.getString('from'),
    to: interaction.options.getString('to'),
    // Discord offers only the choices, so the sort is always one there is.
    sort: parseSort(interaction.options.getString('sort')) ?? 'mentions',
  };
}

async function execute(interaction: ChatInputCommandInteraction, { library, sessions }: CommandContext): Promise<void> {
  const locale = replyLocaleFor(interaction.locale);
  const query = interaction.options.getString('phrase', true);
  const options = optionsOf(interaction);
  const reply = await searchReply(library, query, 0, locale, options);
  if (!reply.page) await interaction.reply(toMessage(reply));
  else await replyWithSession(interaction, sessions, { ...reply, page: reply.page }, { query, options }, (id, view, disabled) => buttons(id, view, locale, disabled));
}

async function button(interaction: ButtonInteraction, { library, sessions }: CommandContext, [sessionId = '', action = '']: readonly string[]): Promise<void> {
  const locale = replyLocaleFor(interaction.locale);
  const session = sessions.get(sessionId);
  if (!session) {
    await interaction.reply(toMessage(errorReply(labelsFor(locale).pagingExpired)));
    return;
  }
  if (action === EXPORT_ACTION) {
    await sendExport(interaction, library, session, locale);
    return;
  }
  const reply = await searchReply(library, session.query, Number.parseInt(action, 10) || 0, locale, session.options);
  await answerPagePress(interaction, session, reply, [buttons(sessionId, reply.page ?? session.view, locale)]);
}

/**
 * Sends the whole result as a CSV attachment, for the presser's eyes only, rebuilt from the library as
 * it is now. Deferred first: a snippet for each of thousands of articles takes longer than Discord's
 * three seconds at 200,000 articles. Cut, and said so, at the size Discord accepts.
 */
async function sendExport(interaction: ButtonInteraction, library: CommandContext['library'], session: SearchSession, locale: ReplyLocale): Promise<void> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const outcome = library.search(session.query, session.options);
  const hits = outcome.kind === 'found' ? outcome.hits : [];
  const { csv, rows } = searchCsvWithin(library, hits, DISCORD_LIMITS.attachmentBytes);
  const labels = labelsFor(locale);
  const note: Reply = { cards: [{ title: '', description: rows < hits.length ? labels.exportedPart(rows, hits.length) : labels.exported(rows), fields: [] }] };
  await interaction.editReply({ ...toUpdate(note), files: [new AttachmentBuilder(Buffer.from(csv, 'utf8'), { name: 'search.csv' })] });
}

export const search: SlashCommand = { data, execute, button };
