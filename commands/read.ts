import { SlashCommandBuilder, type ButtonInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { articleOption, ARTICLE_OPTION, autocompleteArticle } from '../src/discord/article-option';
import { chinese, usableEverywhere, type CommandContext, type SlashCommand } from '../src/discord/command';
import { answerPagePress, replyWithSession } from '../src/discord/paged-reply';
import { pagingButtons, toMessage } from '../src/discord/render';
import { errorReply } from '../src/replies/card';
import { labelsFor } from '../src/replies/labels';
import { replyLocaleFor, type ReplyLocale } from '../src/replies/locale';
import { readReply } from '../src/replies/read';
import { NO_OPTIONS } from '../src/search/options';
import { MAX_PHRASE_LENGTH } from '../src/search/phrase';

/**
 * /read: an article's text, or the passages that mention a phrase, in the reader's script. A long
 * answer pages like /search, through a session (`read:<session>:<n>`), since the phrase does not fit
 * in a button's custom id.
 */
const NAME = 'read';
const PHRASE_OPTION = 'phrase';

const data = usableEverywhere(new SlashCommandBuilder())
  .setName(NAME)
  .setNameLocalizations(chinese('阅读', '閱讀'))
  .setDescription('Read an article, or only the passages that mention a phrase')
  .setDescriptionLocalizations(chinese('阅读文章全文，或只看提及某个短语的段落', '閱讀文章全文，或只看提及某個短語的段落'))
  .addStringOption(articleOption)
  .addStringOption(option =>
    option
      .setName(PHRASE_OPTION)
      .setNameLocalizations(chinese('短语', '短語'))
      .setDescription('Show only the passages around each mention of this phrase')
      .setDescriptionLocalizations(chinese('只显示这个短语每处提及前后的段落', '只顯示這個短語每處提及前後的段落'))
      .setMaxLength(MAX_PHRASE_LENGTH),
  )
  .toJSON();

function buttons(sessionId: string, view: { index: number; count: number }, locale: ReplyLocale, disabled = false) {
  return pagingButtons(`${NAME}:${sessionId}:${view.index - 1}`, `${NAME}:${sessionId}:${view.index + 1}`, labelsFor(locale), view, disabled);
}

async function execute(interaction: ChatInputCommandInteraction, { library, sessions }: CommandContext): Promise<void> {
  const locale = replyLocaleFor(interaction.locale);
  const typed = interaction.options.getString(ARTICLE_OPTION, true);
  const phrase = interaction.options.getString(PHRASE_OPTION) ?? '';
  const reply = await readReply(library, typed, phrase, 0, locale);
  const [article] = library.articlesNamed(typed);
  if (reply.error || !reply.page || reply.page.count < 2 || !article) {
    await interaction.reply(toMessage(reply));
    return;
  }
  await replyWithSession(interaction, sessions, { ...reply, page: reply.page }, { query: phrase, options: NO_OPTIONS, articleId: article.id }, (id, view, disabled) => buttons(id, view, locale, disabled));
}

async function button(interaction: ButtonInteraction, { library, sessions }: CommandContext, [sessionId = '', page = '']: readonly string[]): Promise<void> {
  const locale = replyLocaleFor(interaction.locale);
  const session = sessions.get(sessionId);
  if (!session?.articleId) {
    await interaction.reply(toMessage(errorReply(labelsFor(locale).readingExpired)));
    return;
  }
  const reply = await readReply(library, session.articleId, session.query, Number.parseInt(page, 10) || 0, locale);
  await answerPagePress(interaction, session, reply, reply.page ? [buttons(sessionId, reply.page, locale)] : []);
}

export const read: SlashCommand = { data, execute, autocomplete: autocompleteArticle, button };
