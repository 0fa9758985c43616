import { SlashCommandBuilder, type ButtonInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { answerForArticle, articleOption, autocompleteArticle } from '../src/discord/article-option';
import { chinese, usableEverywhere, type CommandContext, type SlashCommand } from '../src/discord/command';
import { personMenuRow } from '../src/discord/person-menu';
import { answerSourcesButton } from '../src/discord/sources-button';
import { participantsReply } from '../src/replies/participants';

const NAME = 'participants';

const data = usableEverywhere(new SlashCommandBuilder())
  .setName(NAME)
  .setNameLocalizations(chinese('参会人员', '參會人員'))
  .setDescription('Who took part in the meeting an article reports, with titles and roles')
  .setDescriptionLocalizations(chinese('文章所报道会议的参会人员、职务和角色', '文章所報導會議的參會人員、職務和角色'))
  .addStringOption(articleOption)
  .toJSON();

/** Under the answer, a menu that opens each participant's /person view. */
function execute(interaction: ChatInputCommandInteraction, context: CommandContext): Promise<void> {
  return answerForArticle(interaction, context, NAME, participantsReply, (library, article, locale) => {
    const analysis = library.analysed(article);
    const row = analysis ? personMenuRow(article, analysis, locale) : null;
    return row ? [row] : [];
  });
}

function button(interaction: ButtonInteraction, context: CommandContext, args: readonly string[]): Promise<void> {
  return answerSourcesButton(interaction, context, NAME, args);
}

export const participants: SlashCommand = { data, execute, autocomplete: autocompleteArticle, button };
