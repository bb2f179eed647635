"""JSON routes under /api. Each one parses its input and hands over to the store."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.orm import Session

from armswatch.store import web_queries
from armswatch.store.models import StoredDocument
from armswatch.store.queries import RelationFilter
from armswatch.store.reviews import gold_files, gold_for_document, save_review
from armswatch.web.analysis import Analyzer, extraction_json, make_document
from armswatch.web.security import check_writer

MAX_TEXT = 500_000
router = APIRouter(prefix="/api")


def open_session(request: Request) -> Iterator[Session]:
    with request.app.state.store.session() as session:
        yield session


def writer(request: Request) -> None:
    check_writer(request.app.state.settings, request)


def analyzer(request: Request) -> Analyzer:
    return request.app.state.analyzer


SessionDep = Annotated[Session, Depends(open_session)]
Level = Annotated[Literal["actor", "state"], Query(description="actor: as named; state: "
                                                              "rolled up to states")]


class RelationQuery(BaseModel):
    """Filters of `armswatch relations` (sorting and pagination are separate parameters)."""

    level: Literal["actor", "state"] = "actor"
    supplier: str | None = None
    recipient: str | None = None
    status: Literal["delivered", "agreed", "negotiating", "possible", "cancelled"] | None = None
    item: str | None = None
    since: str | None = Field(None, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")
    until: str | None = Field(None, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")
    min_sources: int | None = Field(None, ge=0)

    def to_filter(self) -> RelationFilter:
        return RelationFilter(**self.model_dump())


class AnalyzeRequest(BaseModel):
    """A report to analyse: its text or its HTML (never a URL: nothing is fetched)."""

    model_config = ConfigDict(extra="forbid")
    text: str | None = Field(None, max_length=MAX_TEXT)
    html: str | None = Field(None, max_length=MAX_TEXT)
    title: str | None = Field(None, max_length=1000)
    published: str | None = Field(None, max_length=40)


class NewDocument(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(min_length=1, max_length=400)
    title: str | None = Field(None, max_length=1000)
    text: str = Field(min_length=1, max_length=MAX_TEXT)
    published: str | None = Field(None, max_length=40)
    source: str | None = Field(None, max_length=1000)


class ReviewRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    verdict: Literal["confirmed", "rejected"]
    note: str | None = Field(None, max_length=4000)
    reviewer: str | None = Field(None, max_length=200)


def found(value: dict[str, Any] | None, what: str) -> dict[str, Any]:
    if value is None:
        raise HTTPException(404, f"no {what}")
    return value


@router.get("/relations", summary="Relations matching the filters, one page at a time")
def list_relations(
    session: SessionDep, query: Annotated[RelationQuery, Query()],
    sort: Literal["confidence", "documents", "independent_sources", "first_reported",
                  "last_reported", "key", "status"] = "confidence",
    order: Literal["asc", "desc"] = "desc",
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=web_queries.MAX_PAGE)] = 50,
) -> dict[str, Any]:
    return web_queries.page_relations(session, query.to_filter(), sort=sort,
                                      descending=order == "desc", offset=offset, limit=limit)


@router.get("/relations/{key}", summary="One relation: timeline, claims, denials, findings")
def get_relation(key: str, session: SessionDep, level: Level = "actor") -> dict[str, Any]:
    return found(web_queries.relation_detail(session, key, level), f"relation {key}")


@router.get("/actors/{actor}", summary="What an actor supplies and receives")
def get_actor(actor: str, session: SessionDep) -> dict[str, Any]:
    return found(web_queries.actor_detail(session, actor), f"actor {actor}")


@router.get("/documents/{document_id}", summary="A report with its evidence spans")
def get_document(document_id: int, session: SessionDep) -> dict[str, Any]:
    return found(web_queries.document_detail(session, document_id),
                 f"document {document_id}")


@router.get("/documents/{document_id}/gold", summary="A reviewed report as a gold file")
def get_document_gold(document_id: int, session: SessionDep) -> dict[str, Any]:
    document = session.get(StoredDocument, document_id)
    if document is None:
        raise HTTPException(404, f"no document {document_id}")
    return found(gold_for_document(session, document), f"text for document {document_id}")


@router.get("/gold", summary="Every reviewed report as a gold file")
def get_gold(session: SessionDep) -> list[dict[str, Any]]:
    return gold_files(session)


@router.get("/search", summary="Full text over reports and actors")
def search(session: SessionDep, q: Annotated[str, Query(min_length=2, max_length=200)],
           limit: Annotated[int, Query(ge=1, le=100)] = 20) -> dict[str, Any]:
    return web_queries.search(session, q, limit)


@router.get("/embargoes", summary="Relations with embargo findings, by embargo")
def embargoes(session: SessionDep) -> list[dict[str, Any]]:
    return web_queries.embargo_findings(session)


@router.get("/network", summary="Actors and relations as a graph")
def get_network(session: SessionDep,
                query: Annotated[RelationQuery, Query()]) -> dict[str, Any]:
    return web_queries.network(session, query.to_filter())


@router.get("/overview", summary="Counts, latest reports, relations with findings first")
def get_overview(session: SessionDep) -> dict[str, Any]:
    return web_queries.overview(session)


@router.post("/analyze", summary="Extract transfers from a report without storing it")
def analyze(body: AnalyzeRequest,
            engine: Annotated[Analyzer, Depends(analyzer)]) -> dict[str, Any]:
    document = make_document(text=body.text, html=body.html, title=body.title,
                             published=body.published)
    return extraction_json(engine.analyze(document))


@router.post("/documents", status_code=201, dependencies=[Depends(writer)],
             summary="Store and extract one report")
def add_document(body: NewDocument, request: Request,
                 engine: Annotated[Analyzer, Depends(analyzer)]) -> dict[str, Any]:
    document = make_document(text=body.text, title=body.title, published=body.published,
                             doc_id=body.id, source=body.source)
    extraction, stored = engine.store(request.app.state.store, document)
    return {**extraction_json(extraction), "stored": stored}


@router.post("/transfers/{transfer_id}/review", dependencies=[Depends(writer)],
             summary="Confirm or reject an extracted transfer")
def review_transfer(transfer_id: int, body: ReviewRequest,
                    session: SessionDep) -> dict[str, Any]:
    review = save_review(session, transfer_id, body.verdict, note=body.note,
                         reviewer=body.reviewer)
    session.commit()
    return review
