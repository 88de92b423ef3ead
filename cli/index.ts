import { runCli } from "./run";

const { code, stdout, stderr } = await runCli(process.argv.slice(2));
if (stdout) process.stdout.write(`${stdout}\n`);
if (stderr) process.stderr.write(`${stderr}\n`);
process.exitCode = code;
