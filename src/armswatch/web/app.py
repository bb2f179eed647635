"""The application: API, pages and assets over one store, with the guards around them."""

from __future__ import annotations

from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, HTTPException, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from armswatch.errors import StoreError
from armswatch.store.db import open_store
from armswatch.store.queries import QueryError
from armswatch.store.reviews import ReviewError
from armswatch.web import api, pages
from armswatch.web.analysis import AnalysisError, Analyzer
from armswatch.web.security import BodyLimit
from armswatch.web.settings import LOOPBACK_NAMES, Settings

HERE = Path(__file__).resolve().parent
# vis-network as shipped inside the pyvis package (its files are served, never copied).
VENDOR_FILES = {"vis-network.min.js": "lib/vis-9.1.2/vis-network.min.js",
                "vis-network.css": "lib/vis-9.1.2/vis-network.css"}


def vendor_path(name: str) -> Path | None:
    """Where an installed package keeps a third-party asset, if it is installed."""
    relative = VENDOR_FILES.get(name)
    if relative is None:
        return None
    try:
        path = Path(str(resources.files("pyvis") / relative))
    except ModuleNotFoundError:
        return None
    return path if path.is_file() else None


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings.from_env()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        app.state.store.close()

    app = FastAPI(title="armswatch", lifespan=lifespan,
                  description="Who arms whom, according to whom: the corpus store over HTTP.")
    app.state.settings = settings
    app.state.store = open_store(settings.db_url)
    app.state.analyzer = Analyzer(settings.model)
    add_guards(app, settings)
    add_error_handlers(app)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.add_api_route("/vendor/{name}", vendor_asset, include_in_schema=False)
    return app


def add_guards(app: FastAPI, settings: Settings) -> None:
    if settings.loopback:
        # A page elsewhere could point a name of its own at 127.0.0.1; answer only to
        # the names of this machine.
        app.add_middleware(TrustedHostMiddleware,
                           allowed_hosts=[name.strip("[]") for name in LOOPBACK_NAMES]
                           + ["[::1]"])
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)


def add_error_handlers(app: FastAPI) -> None:
    def reply(status: int):
        async def handler(_request: Request, exc: Exception) -> JSONResponse:
            return JSONResponse({"detail": str(exc)}, status_code=status)
        return handler

    app.add_exception_handler(QueryError, reply(400))
    app.add_exception_handler(AnalysisError, reply(422))
    app.add_exception_handler(ReviewError, reply(404))
    app.add_exception_handler(StoreError, reply(503))
    app.add_exception_handler(StarletteHTTPException, page_or_json_error)


async def page_or_json_error(request: Request, exc: StarletteHTTPException):
    """Pages get an HTML error page; the API and assets keep FastAPI's JSON errors."""
    if request.url.path.startswith(("/api", "/static", "/vendor", "/docs", "/openapi")):
        return await http_exception_handler(request, exc)
    return pages.render(request, "error.html", status=exc.status_code, page="error",
                        message=str(exc.detail))


def vendor_asset(name: str) -> FileResponse:
    path = vendor_path(name)
    if path is None:
        raise HTTPException(404, f"{name} is not installed (pip install pyvis)")
    media = "text/css" if name.endswith(".css") else "text/javascript"
    return FileResponse(path, media_type=media,
                        headers={"Cache-Control": "public, max-age=86400"})
