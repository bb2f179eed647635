"""HTML pages. Data comes from the same store queries as the API; templates escape it all."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

import jinja2
from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from armswatch.store import web_queries
from armswatch.web.api import SessionDep, found
from armswatch.web.highlight import runs
from armswatch.web.security import PAGE_POLICY

TEMPLATES = Path(__file__).resolve().parent / "templates"
STAGES = ("delivered", "agreed", "negotiating", "possible", "cancelled")
SEARCH_ENGINES = {"fts5": "SQLite full text (FTS5)", "postgresql": "PostgreSQL full text",
                  "like": "substring match"}
SEARCH_PAGE_SIZE = 50
# Autoescaping everywhere: report text and titles are data, never markup.
environment = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                                 undefined=jinja2.StrictUndefined)
router = APIRouter(include_in_schema=False)


def render(request: Request, template: str, status: int = 200, **values: Any) -> HTMLResponse:
    html = environment.get_template(template).render(
        request=request, stages=STAGES, writable=request.app.state.settings.writable,
        needs_token=bool(request.app.state.settings.token), **values)
    return HTMLResponse(html, status_code=status, headers={
        "Content-Security-Policy": PAGE_POLICY, "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer"})


@router.get("/", response_class=HTMLResponse)
def overview_page(request: Request, session: SessionDep) -> HTMLResponse:
    return render(request, "overview.html", page="overview", **web_queries.overview(session))


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request) -> HTMLResponse:
    return render(request, "network.html", page="network")


@router.get("/relations/{key}", response_class=HTMLResponse)
def relation_page(request: Request, key: str, session: SessionDep,
                  level: Annotated[Literal["actor", "state"], Query()] = "actor"
                  ) -> HTMLResponse:
    detail = found(web_queries.relation_detail(session, key, level), f"relation {key}")
    return render(request, "relation.html", page="relation", level=level, **detail)


@router.get("/actors/{actor}", response_class=HTMLResponse)
def actor_page(request: Request, actor: str, session: SessionDep) -> HTMLResponse:
    view = found(web_queries.actor_detail(session, actor), f"actor {actor}")
    return render(request, "actor.html", page="actor", view=view)


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def document_page(request: Request, document_id: int, session: SessionDep) -> HTMLResponse:
    document = found(web_queries.document_detail(session, document_id),
                     f"document {document_id}")
    claims = [dict(claim, transfer=t["id"]) for t in document["transfers"]
              for claim in t["claims"]]
    text_runs = runs(document["text"], claims) if document["text"] else []
    return render(request, "document.html", page="document", document=document,
                  claims=claims, runs=text_runs)


@router.get("/analyze", response_class=HTMLResponse)
def analyze_page(request: Request) -> HTMLResponse:
    return render(request, "analyze.html", page="analyze")


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, session: SessionDep,
                q: Annotated[str, Query(max_length=200)] = "") -> HTMLResponse:
    query = q.strip()
    results = web_queries.search(session, query, SEARCH_PAGE_SIZE) if len(query) >= 2 else None
    return render(request, "search.html", page="search", query=query, results=results,
                  engines=SEARCH_ENGINES)
