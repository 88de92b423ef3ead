import { runCli } from "./run";

const { code, stdout, stderr, raw } = await runCli(process.argv.slice(2));
if (stdout) process.stdout.write(raw ? stdout : `${stdout}\n`);
if (stderr) process.stderr.write(`${stderr}\n`);
process.exitCode = code;
