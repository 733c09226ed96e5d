"""kroniek's web dashboard and REST API (`kroniek serve`): create_app() builds the FastAPI app."""

from kroniek.web.app import create_app

__all__ = ["create_app"]
