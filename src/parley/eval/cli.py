"""``parley eval``: score extractors against gold files."""

import typer

eval_app = typer.Typer(no_args_is_help=True, help="Score Parley's extractors against gold annotations.")
