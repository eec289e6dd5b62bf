/**
 * The publishers' command line: `cities-widgets validate <file-or-url>` and `cities-widgets build-feed …`.
 * Exit codes: 0 fine (warnings allowed), 1 the feed is invalid or rows were skipped, 2 usage, read or fetch error.
 */
import { readFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { LISTS, type ListName } from '../data/schema.js';
import { buildFeedCommand } from './build-feed.js';
import { CliError } from './messages.js';
import { validateCommand } from './validate.js';

const HELP = `Usage: cities-widgets <command> [options]

Commands:
  validate <file-or-url>   Check a feed as the widgets read it; list every problem with its JSON path.
  build-feed [options]     Write a feed from CSV files (UTF-8, one header row).

Options:
  -h, --help               Show help (also: cities-widgets <command> --help).
  -v, --version            Show the version.

Exit codes: 0 fine (warnings allowed), 1 invalid feed or skipped rows, 2 usage, read or fetch error.
`;

const VALIDATE_HELP = `Usage: cities-widgets validate <file-or-url> [--json] [--base-url <url>]

Checks a feed (a file, or an http(s) URL fetched with a 10 s timeout) exactly as the widgets read it.
Prints every problem with its JSON path, what each list keeps and skips, and warnings for what is valid
but unwise (http links, only past events, missing translations, unknown fields).

Options:
  --json             Print one JSON object: {valid, errors, warnings, lists}.
  --base-url <url>   The URL the feed is served from: relative links resolve against it.
                     Default for a file: an https placeholder; for a URL: the URL itself.

Exit codes: 0 valid (warnings allowed), 1 invalid, 2 usage, read or fetch error.
`;

const BUILD_HELP = `Usage: cities-widgets build-feed [--initiatives a.csv] [--events b.csv] [--quotes c.csv] [--news d.csv]
                                 [--topics labels.csv] [--title T [--title.es T …]] [--language en]
                                 [--home-page-url U] -o feed.json

Writes a feed from CSV files (UTF-8, a header row naming the feed's fields; a byte-order mark is fine).
  title, title.es, title.fr     localized text (the plain column is in --language)
  topics, authors               several values separated by ";"
  online                        true or false
  image, image_alt, image_alt.es  an image and its alt text
A bad row is reported with its line number and skipped; the rest is written. The feed is validated
again before it is written, so the file written is always valid.

Options:
  --initiatives, --events, --quotes, --news <file.csv>   One CSV file per list (at least one).
  --topics <file.csv>      Labels of the initiatives' topics: a "topic" column and "label", "label.es" … columns.
  --title <text>           The feed's title; --title.es <text>, --title.fr <text> … translate it.
  --language <tag>         Language of the plain columns and of the feed (default: en).
  --home-page-url <url>    The publisher's page.
  -o, --output <file>      Where to write the feed (required).

Exit codes: 0 every row written, 1 rows skipped (the rest is written), 2 usage or read error (nothing written).
`;

const VALIDATE_OPTIONS = {
  json: { type: 'boolean' },
  'base-url': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} satisfies ParseArgsConfig['options'];

const BUILD_OPTIONS = {
  initiatives: { type: 'string' },
  events: { type: 'string' },
  quotes: { type: 'string' },
  news: { type: 'string' },
  title: { type: 'string' },
  language: { type: 'string' },
  'home-page-url': { type: 'string' },
  topics: { type: 'string' },
  output: { type: 'string', short: 'o' },
  help: { type: 'boolean', short: 'h' },
} satisfies ParseArgsConfig['options'];

interface Result {
  code: number;
  output: string;
}

function version(): string {
  // dist/lib/cli/main.js → package.json
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
  return `${pkg.version}\n`;
}

/** node:util parseArgs, with its errors as usage errors. */
function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError((error as Error).message.split('. ')[0]!, true);
  }
}

/**
 * Takes `--title.es <text>` and `--title.es=<text>` out of the arguments (translations of the title, named like
 * the CSV columns), as parseArgs cannot declare an option per language.
 */
function takeTitles(args: string[]): Map<string, string> {
  const titles = new Map<string, string>();
  for (let i = 0; i < args.length; ) {
    const match = /^--title\.([^=]+)(?:=(.*))?$/s.exec(args[i]!);
    if (!match) {
      if (args[i] === '--') break;
      i++;
      continue;
    }
    const inline = match[2];
    const value = inline ?? args[i + 1];
    if (value === undefined || (inline === undefined && /^-[-A-Za-z]/.test(value))) {
      throw new CliError(`--title.${match[1]} needs a text`, true);
    }
    titles.set(match[1]!, value);
    args.splice(i, inline === undefined ? 2 : 1);
  }
  return titles;
}

async function run(argv: string[]): Promise<Result> {
  const [command, ...args] = argv;
  switch (command) {
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      return { code: command === undefined ? 2 : 0, output: HELP };
    case '-v':
    case '--version':
      return { code: 0, output: version() };
    case 'validate': {
      const { values, positionals } = parse(args, VALIDATE_OPTIONS);
      if (values.help) return { code: 0, output: VALIDATE_HELP };
      if (positionals.length !== 1) throw new CliError('validate takes one file or URL', true);
      const baseUrl = values['base-url'];
      if (baseUrl !== undefined && !URL.canParse(baseUrl)) throw new CliError(`--base-url "${baseUrl}" is not an absolute URL`, true);
      return validateCommand({ input: positionals[0]!, json: values.json === true, baseUrl });
    }
    case 'build-feed': {
      const titles = takeTitles(args);
      const { values, positionals } = parse(args, BUILD_OPTIONS);
      if (values.help) return { code: 0, output: BUILD_HELP };
      if (positionals.length > 0) throw new CliError(`build-feed takes no file names without an option: "${positionals[0]}" (use --events ${positionals[0]} …)`, true);
      if (values.output === undefined) throw new CliError('build-feed needs -o <feed.json>', true);
      const inputs: Partial<Record<ListName, string>> = {};
      for (const list of LISTS) {
        if (values[list] !== undefined) inputs[list] = values[list];
      }
      if (values.title !== undefined) titles.set('', values.title); // the plain title, in --language
      return buildFeedCommand({
        inputs,
        output: values.output,
        title: titles.size > 0 ? Object.fromEntries(titles) : undefined,
        language: values.language,
        homePageUrl: values['home-page-url'],
        topics: values.topics,
      });
    }
    default:
      throw new CliError(`unknown command "${command}"`, true);
  }
}

run(process.argv.slice(2)).then(
  ({ code, output }) => {
    (code === 2 ? process.stderr : process.stdout).write(output);
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof CliError) {
      const hint = error.usage ? '\nRun "cities-widgets --help" for usage.' : '';
      process.stderr.write(`cities-widgets: ${error.message}${hint}\n`);
    } else {
      process.stderr.write(`cities-widgets: unexpected error: ${(error as Error).stack ?? String(error)}\n`);
    }
    process.exitCode = 2;
  },
);
