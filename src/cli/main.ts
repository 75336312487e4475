import { absenceUsage, runAbsence } from './absenceCommand.js';
import { deadlineUsage, runDeadline } from './deadlineCommand.js';
import { importUsage, runImport } from './importCommand.js';
import { overageUsage, runOverage } from './overageCommand.js';
import { runSlots, slotsUsage } from './slotsCommand.js';
import { runStatement, statementUsage } from './statementCommand.js';
import { runTime, timeUsage } from './timeCommand.js';
import { UsageError } from './usageError.js';

type Command = (args: string[], env: NodeJS.ProcessEnv) => string | Promise<string>;

const commands: Record<string, { run: Command; usage: string }> = {
  deadline: { run: runDeadline, usage: deadlineUsage },
  absence: { run: runAbsence, usage: absenceUsage },
  time: { run: runTime, usage: timeUsage },
  overage: { run: runOverage, usage: overageUsage },
  statement: { run: runStatement, usage: statementUsage },
  import: { run: runImport, usage: importUsage },
  slots: { run: runSlots, usage: slotsUsage },
};

const overview = `Usage: desk <command> [options]

Commands:
${Object.values(commands)
  .map((command) => `  ${command.usage.split('\n')[0]}`)
  .join('\n')}

Run "desk <command> --help" for the options of one command.`;

/** Runs the `desk` command line and returns the process exit code. */
export async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const [name, ...args] = argv;
  if (!name) {
    process.stderr.write(`${overview}\n`);
    return 2;
  }
  if (name === '--help' || name === '-h') {
    process.stdout.write(`${overview}\n`);
    return 0;
  }

  const command = commands[name];
  if (!command) {
    process.stderr.write(`Unknown command "${name}".\n\n${overview}\n`);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${command.usage}\n`);
    return 0;
  }

  try {
    // Output that already ends with a line break, such as CSV, is written unchanged.
    const output = await command.run(args, env);
    process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`Error: ${error.message}\n\n${error.usage}\n`);
      return 2;
    }
    if (isParseArgsError(error)) {
      process.stderr.write(`Error: ${error.message}\n\n${command.usage}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`Error: ${message}\n`);
    return 1;
  }
}

/** Returns whether node:util parseArgs rejected the options (unknown option, missing value). */
function isParseArgsError(error: unknown): error is Error {
  return error instanceof Error && String((error as NodeJS.ErrnoException).code).startsWith('ERR_PARSE_ARGS');
}

process.exitCode = await main(process.argv.slice(2), process.env);
