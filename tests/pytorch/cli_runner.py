#!/usr/bin/python3
"""Runs shufflescope-cli for the scripts in this directory; failures name the command line."""

import json
import os
import shlex
import subprocess


class CliError(RuntimeError):
    pass


def check_cli(cli):
    if not os.path.isfile(cli) or not os.access(cli, os.X_OK):
        raise CliError(f"--cli {cli}: not an executable file (build it first: "
                       f"cmake --build build --target shufflescope-cli)")
    return os.path.abspath(cli)


def run_cli(cli, args, timeout=600):
    """Runs `cli args...`; returns stdout. Raises CliError with the command line, exit code and
    stderr on failure."""
    command = [cli] + [str(a) for a in args]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise CliError(f"timed out after {timeout} s: {shlex.join(command)}") from None
    if done.returncode != 0:
        stderr = done.stderr.strip().splitlines()
        if len(stderr) > 12:  # the message is at the end; keep the report readable
            stderr = ["..."] + stderr[-12:]
        raise CliError(f"exit code {done.returncode}: {shlex.join(command)}\n"
                       f"stderr: " + "\n".join(line[:300] for line in stderr))
    return done.stdout


def run_cli_json(cli, args, timeout=600):
    out = run_cli(cli, args, timeout)
    try:
        return json.loads(out)
    except json.JSONDecodeError as e:
        command = shlex.join([cli] + [str(a) for a in args])
        raise CliError(f"output is not JSON ({e}): {command}\nstdout: {out[:2000]}") from None


def config_without_widths(config):
    """The checkpoint-metadata form of a summary's config: the same keys, minus "widths"."""
    return {k: v for k, v in config.items() if k != "widths"}
