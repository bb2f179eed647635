"""The application: API, pages and assets over one store, with the guards around them."""

from __future__ import annotations

import importlib
import mimetypes
from contextlib import asynccontextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, HTTPException, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
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


@dataclass(frozen=True)
class VendorAsset:
    """A third-party file served from the installed package that ships it (never copied)."""

    package: str  # the module to import
    relative: str  # path inside the package folder
    distribution: str  # what to pip install when it is missing
    # A module attribute naming the folder, for packages whose folder carries a version.
    folder_attribute: str | None = None


VENDOR_ASSETS = {
    "vis-network.min.js": VendorAsset("pyvis", "lib/vis-9.1.2/vis-network.min.js", "pyvis"),
    "vis-network.css": VendorAsset("pyvis", "lib/vis-9.1.2/vis-network.css", "pyvis"),
    **{name: VendorAsset("swagger_ui_bundle", relative, "swagger-ui-bundle-v2",
                         "swagger_ui_path")
       for name, relative in (("swagger-ui-bundle.js", "swagger-ui-bundle.js"),
                              ("swagger-ui.css", "swagger-ui.css"),
                              ("swagger-favicon.png", "favicon-32x32.png"))},
}
# The OpenAPI page's own inline start-up script is the only inline code any page runs.
DOCS_POLICY = ("default-src 'self'; script-src 'self' 'unsafe-inline'; "
               "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; "
               "base-uri 'none'; frame-ancestors 'none'")


def _package_folder(asset: VendorAsset) -> Path:
    if asset.folder_attribute:
        module = importlib.import_module(asset.package)
        return Path(str(getattr(module, asset.folder_attribute)))
    return Path(str(resources.files(asset.package)))


def vendor_path(name: str) -> Path | None:
    """Where an installed package keeps a third-party asset, if it is installed."""
    asset = VENDOR_ASSETS.get(name)
    if asset is None:
        return None
    try:
        path = _package_folder(asset) / asset.relative
    except ModuleNotFoundError:
        return None
    return path if path.is_file() else None


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings.from_env()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        app.state.store.close()

    # The stock /docs and /redoc pull their scripts from a CDN; /docs is served locally below.
    app = FastAPI(title="armswatch", lifespan=lifespan, docs_url=None, redoc_url=None,
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
    app.add_api_route("/docs", api_docs, include_in_schema=False)
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
        asset = VENDOR_ASSETS.get(name)
        hint = f" (pip install {asset.distribution})" if asset else ""
        raise HTTPException(404, f"{name} is not installed{hint}")
    media = mimetypes.guess_type(name)[0] or "application/octet-stream"
    if media == "application/javascript":
        media = "text/javascript"
    return FileResponse(path, media_type=media,
                        headers={"Cache-Control": "public, max-age=86400"})


def api_docs(request: Request) -> HTMLResponse:
    """Swagger UI over /openapi.json, with its script and style from this server."""
    page = get_swagger_ui_html(
        openapi_url=request.app.openapi_url, title=f"{request.app.title} API",
        swagger_js_url="/vendor/swagger-ui-bundle.js", swagger_css_url="/vendor/swagger-ui.css",
        swagger_favicon_url="/vendor/swagger-favicon.png",
        # Otherwise the UI sends the description to an online validator.
        swagger_ui_parameters={"validatorUrl": None})
    page.headers["Content-Security-Policy"] = DOCS_POLICY
    return page
