// A throwaway PostgreSQL server for tests: initdb into a temp directory, start it on a free port on
// 127.0.0.1, stop it with `pg_ctl stop -m immediate` and delete the directory. Needs the Debian
// `postgresql` package (binaries in /usr/lib/postgresql/<version>/bin). initdb refuses to run as root,
// so under root the server runs as the `postgres` user through runuser.
import { execFile, execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";

const run = promisify(execFile);

export interface TestPostgres {
  /** postgres://postgres@127.0.0.1:PORT/postgres */
  url: string;
  /** Creates an empty database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Stops the server (immediate mode) and removes its directory. Safe to call twice. */
  stop(): Promise<void>;
}

const MISSING =
  "PostgreSQL is needed for the integration tests; install it with `apt-get install -y postgresql`";

/** The bin directory of the highest PostgreSQL version installed under /usr/lib/postgresql. */
export function findPostgresBin(root = "/usr/lib/postgresql"): string {
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((name) => /^\d+(\.\d+)?$/.test(name))
        .filter((name) => fs.existsSync(path.join(root, name, "bin", "initdb")))
        .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a))
    : [];
  const best = versions[0];
  if (!best) throw new Error(MISSING);
  return path.join(root, best, "bin");
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === "object") resolve(address.port);
        else reject(new Error("Could not find a free TCP port."));
      });
    });
  });
}

function userIds(user: string): { uid: number; gid: number } {
  const line = fs
    .readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .find((entry) => entry.startsWith(`${user}:`));
  const [, , uid, gid] = line?.split(":") ?? [];
  if (!uid || !gid) {
    throw new Error(`Running as root, the test PostgreSQL must run as the "${user}" user, which does not exist. ${MISSING}`);
  }
  return { uid: Number(uid), gid: Number(gid) };
}

function outputOf(error: unknown): string {
  if (typeof error !== "object" || error === null) return String(error);
  const parts = ["stderr", "stdout", "message"].map((key) => Reflect.get(error, key)).filter((v) => typeof v === "string" && v.trim());
  return parts.map((p) => String(p).trim()).join("\n");
}

const DATABASE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export async function startPostgres(): Promise<TestPostgres> {
  const bin = findPostgresBin();
  const asRoot = process.getuid?.() === 0;
  // Under /tmp (not $TMPDIR) so that the postgres user can always reach it.
  const dir = fs.mkdtempSync("/tmp/sightline-pg-");
  fs.chmodSync(dir, 0o755);
  if (asRoot) {
    const { uid, gid } = userIds("postgres");
    fs.chownSync(dir, uid, gid);
  }
  const dataDir = path.join(dir, "data");
  const logFile = path.join(dir, "server.log");
  const command = (tool: string, args: string[]): [string, string[]] =>
    asRoot ? ["runuser", ["-u", "postgres", "--", path.join(bin, tool), ...args]] : [path.join(bin, tool), args];
  const tool = async (name: string, args: string[]) => {
    const [file, argv] = command(name, args);
    return run(file, argv, { cwd: dir, env: { ...process.env, LC_ALL: "C" } });
  };

  let stopped = false;
  const stopSync = () => {
    if (stopped) return;
    stopped = true;
    try {
      const [file, argv] = command("pg_ctl", ["stop", "-D", dataDir, "-m", "immediate", "-w"]);
      execFileSync(file, argv, { cwd: dir, stdio: "ignore" });
    } catch {
      // not running
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  // If the test process dies without calling stop(), do not leave a server behind.
  process.once("exit", stopSync);

  try {
    try {
      await tool("initdb", ["-D", dataDir, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync"]);
    } catch (error) {
      throw new Error(`initdb failed in ${dataDir}:\n${outputOf(error)}`);
    }
    let port = 0;
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      const options = [
        "-c listen_addresses=127.0.0.1",
        `-c port=${port}`,
        `-c unix_socket_directories=${dir}`,
        "-c fsync=off",
        "-c synchronous_commit=off",
        "-c full_page_writes=off",
      ].join(" ");
      try {
        await tool("pg_ctl", ["start", "-D", dataDir, "-l", logFile, "-w", "-t", "30", "-o", options]);
        break;
      } catch (error) {
        // Another process may have taken the port between freePort() and the start: try another one.
        if (attempt >= 3) {
          const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8").slice(-2000) : "";
          throw new Error(`PostgreSQL did not start (pg_ctl start):\n${outputOf(error)}\n${log}`);
        }
      }
    }

    const baseUrl = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
    const url = baseUrl("postgres");
    await waitForConnections(url);

    return {
      url,
      async createDatabase(name: string) {
        if (!DATABASE_NAME.test(name)) {
          throw new Error(`Invalid database name "${name}": use lowercase letters, digits and underscores.`);
        }
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
        } finally {
          await client.end();
        }
        return baseUrl(name);
      },
      async stop() {
        if (stopped) return;
        stopped = true;
        process.removeListener("exit", stopSync);
        try {
          await tool("pg_ctl", ["stop", "-D", dataDir, "-m", "immediate", "-w"]);
        } finally {
          fs.rmSync(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    stopSync();
    process.removeListener("exit", stopSync);
    throw error;
  }
}

async function waitForConnections(url: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.query("SELECT 1");
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => {});
      if (Date.now() > deadline) throw new Error(`PostgreSQL at ${url} does not accept connections: ${outputOf(error)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
