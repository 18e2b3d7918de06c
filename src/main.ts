import { ZodError } from "zod";
import { ConfigError, loadConfig } from "./platform/config";
import { DataDirInUseError } from "./platform/db/data-dir-lock";
import { AppError } from "./platform/errors";

const USAGE = `Saldo — credit management and debt collection

Usage: saldo <command> [options]

Commands:
  serve                         start the API and the scheduler (and the embedded PostgreSQL unless DATABASE_URL is set)
  worker                        run the scheduler and the message dispatcher (several may run side by side; set SALDO_WORKER=off on serve)
  migrate                       apply database migrations and exit
  demo [--force]                load the demo agency, tenants, users and portfolio
  import <tenant> <file>...     import CSV or FatturaPA files (.csv, .xml, .p7m) into a tenant (slug or id)
         [--mapping m.json] [--errors out.csv]
  tenant create --slug s --name n [--vat v] [--time-zone tz] [--locale it-IT] [--currency EUR]
  strategy simulate --tenant slug --from YYYY-MM-DD --to YYYY-MM-DD
                                dry run of the tenant's strategies under its contact policy; sends nothing
  strategy migrate --tenant slug --key k [--to-version N]
                                move running cases to another version of a strategy (default: the latest)
  strategy schema               the JSON Schema of a strategy definition
  user create --email e --name n --role r [--tenant slug]... [--all-tenants]
              (password from SALDO_USER_PASSWORD, or one is generated and printed)
  help                          this text

Configuration: environment variables or a .env file (see README).`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "help" || command === "--help" || command === "-h") {
    console.log(USAGE);
    return 0;
  }
  const config = loadConfig();
  switch (command) {
    case "serve":
      return (await import("./cli/serve")).serve(config);
    case "worker":
      return (await import("./cli/worker")).workerCommand(config);
    case "migrate":
      return (await import("./cli/migrate")).migrateCommand(config);
    case "demo":
      return (await import("./cli/demo")).demoCommand(config, rest);
    case "import":
      return (await import("./cli/import")).importCommand(config, rest);
    case "tenant":
      return (await import("./cli/tenant")).tenantCommand(config, rest);
    case "strategy":
      return (await import("./cli/strategy")).strategyCommand(config, rest);
    case "user":
      return (await import("./cli/user")).userCommand(config, rest);
    default:
      console.error(`Unknown command "${command}".\n\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    // serve keeps running; the others exit with their code.
    if (code !== -1) process.exit(code);
  },
  (error: unknown) => {
    if (error instanceof ZodError) {
      const problems = error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`);
      console.error(`saldo: invalid input:\n  ${problems.join("\n  ")}`);
    } else if (
      error instanceof ConfigError ||
      error instanceof DataDirInUseError ||
      error instanceof AppError
    ) {
      console.error(`saldo: ${error.message}`);
    } else {
      console.error("saldo: unexpected error:", error);
    }
    process.exit(1);
  },
);
