import { SlashCommandBuilder, type ButtonInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { chinese, type CommandContext, type SlashCommand } from '../src/discord/command';
import { pagingButtons, toMessage, toUpdate } from '../src/discord/render';
import { errorReply } from '../src/replies/card';
import { labelsFor } from '../src/replies/labels';
import { replyLocaleFor, type ReplyLocale } from '../src/replies/locale';
import { searchReply } from '../src/replies/search';
import { MAX_PHRASE_LENGTH } from '../src/search/phrase';

const NAME = 'search';

const data = new SlashCommandBuilder()
  .setName(NAME)
  .setNameLocalizations(chinese('搜索', '搜尋'))
  .setDescription('Find every article that mentions a phrase, in Simplified or Traditional script')
  .setDescriptionLocalizations(chinese('查找提及某个短语的所有文章（简体或繁体均可）', '查找提及某個短語的所有文章（簡體或繁體皆可）'))
  .addStringOption(option =>
    option
      .setName('phrase')
      .setNameLocalizations(chinese('短语', '短語'))
      .setDescription('The phrase to find, e.g. 新質生產力')
      .setDescriptionLocalizations(chinese('要查找的短语，例如 新质生产力', '要查找的短語，例如 新質生產力'))
      .setRequired(true)
      .setMaxLength(MAX_PHRASE_LENGTH),
  )
  .toJSON();

function buttons(sessionId: string, view: { index: number; count: number }, locale: ReplyLocale, disabled = false) {
  return pagingButtons(`${NAME}:${sessionId}:${view.index - 1}`, `${NAME}:${sessionId}:${view.index + 1}`, labelsFor(locale), view, disabled);
}

async function execute(interaction: ChatInputCommandInteraction, { library, sessions }: CommandContext): Promise<void> {
  const locale = replyLocaleFor(interaction.locale);
  const query = interaction.options.getString('phrase', true);
  const reply = searchReply(library, query, 0, locale);
  if (!reply.page || reply.page.count < 2) {
    await interaction.reply(toMessage(reply));
    return;
  }
  const view = { ...reply.page };
  const sessionId = sessions.open(id => ({
    query,
    userId: interaction.user.id,
    view,
    disableButtons: () => interaction.editReply({ components: [buttons(id, view, locale, true)] }),
  }));
  await interaction.reply(toMessage(reply, [buttons(sessionId, view, locale)]));
}

async function button(interaction: ButtonInteraction, { library, sessions }: CommandContext, [sessionId = '', page = '']: readonly string[]): Promise<void> {
  const locale = replyLocaleFor(interaction.locale);
  const labels = labelsFor(locale);
  const session = sessions.get(sessionId);
  if (!session) {
    await interaction.reply(toMessage(errorReply(labels.pagingExpired)));
    return;
  }
  if (session.userId !== interaction.user.id) {
    await interaction.reply(toMessage(errorReply(labels.notYourSearch)));
    return;
  }
  const reply = searchReply(library, session.query, Number.parseInt(page, 10) || 0, locale);
  if (reply.page) session.view.index = reply.page.index;
  await interaction.update(toUpdate(reply, [buttons(sessionId, session.view, locale)]));
}

export const search: SlashCommand = { data, execute, button };
