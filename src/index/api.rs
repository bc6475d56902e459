//! The read-only JSON API on the daemon's HTTP server: `/api/search`,
//! `/api/articles/{id}`, `/api/entities`, `/api/stories`,
//! `/api/stories/{id}`, `/api/facts`, described by the OpenAPI document at
//! `/api/openapi.json`. The document is written by hand (a few read-only
//! endpoints do not call for a code generator and its macros); a test
//! checks it against the routes and the JSON the handlers return.

use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde_json::json;

use super::facts::{self, Facts};
use super::query::{self, Entities, Search};
use super::store::Store;
use super::stories;
use super::{IndexError, Target};
use crate::facts::Report;

/// The OpenAPI document served at `/api/openapi.json`.
pub const OPENAPI: &str = include_str!("openapi.json");

/// Connections to the index kept between requests.
struct Api {
    target: Target,
    idle: Mutex<Vec<Store>>,
}

impl Api {
    /// Runs `f` on a connection (reused, or opened); a connection that
    /// failed is dropped, since a server's may be broken.
    fn with<T>(
        &self,
        f: impl FnOnce(&mut Store) -> Result<T, IndexError>,
    ) -> Result<T, IndexError> {
        let idle = self.idle.lock().ok().and_then(|mut v| v.pop());
        let mut store = match idle {
            Some(s) => s,
            None => Store::open(&self.target)?,
        };
        let out = f(&mut store)?;
        if let Ok(mut v) = self.idle.lock()
            && v.len() < 4
        {
            v.push(store);
        }
        Ok(out)
    }
}

/// The API's router over the index at `target`.
pub fn router(target: Target) -> Router {
    let api = Arc::new(Api {
        target,
        idle: Mutex::new(Vec::new()),
    });
    Router::new()
        .route("/api/search", get(search))
        .route("/api/articles/{id}", get(article))
        .route("/api/entities", get(entities))
        .route("/api/stories", get(story_list))
        .route("/api/stories/{id}", get(story))
        .route("/api/facts", get(facts_route))
        .route("/api/openapi.json", get(openapi))
        .with_state(api)
}

/// Runs a question on a blocking thread (the database calls block).
async fn ask<T: Send + 'static>(
    api: Arc<Api>,
    f: impl FnOnce(&mut Store) -> Result<T, IndexError> + Send + 'static,
) -> Result<T, Response> {
    match tokio::task::spawn_blocking(move || api.with(f)).await {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(IndexError::Query(msg))) => Err(error(StatusCode::BAD_REQUEST, msg)),
        Ok(Err(e)) => Err(error(StatusCode::SERVICE_UNAVAILABLE, e.to_string())),
        Err(e) => Err(error(StatusCode::INTERNAL_SERVER_ERROR, e.to_string())),
    }
}

fn error(status: StatusCode, message: String) -> Response {
    (status, axum::Json(json!({ "error": message }))).into_response()
}

async fn search(State(api): State<Arc<Api>>, Query(s): Query<Search>) -> Response {
    match ask(api, move |store| query::search(store.db(), &s)).await {
        Ok(hits) => axum::Json(json!({ "articles": hits })).into_response(),
        Err(r) => r,
    }
}

async fn entities(State(api): State<Arc<Api>>, Query(q): Query<Entities>) -> Response {
    match ask(api, move |store| query::entities(store.db(), &q)).await {
        Ok(found) => axum::Json(json!({ "entities": found })).into_response(),
        Err(r) => r,
    }
}

async fn article(State(api): State<Arc<Api>>, Path(id): Path<String>) -> Response {
    match ask(api, move |store| query::article(store.db(), &id)).await {
        Ok(Some(a)) => axum::Json(a).into_response(),
        Ok(None) => error(StatusCode::NOT_FOUND, "no such article".into()),
        Err(r) => r,
    }
}

async fn story_list(State(api): State<Arc<Api>>, Query(q): Query<stories::Question>) -> Response {
    match ask(api, move |store| stories::stories(store.db(), &q)).await {
        Ok(found) => axum::Json(found).into_response(),
        Err(r) => r,
    }
}

async fn story(State(api): State<Arc<Api>>, Path(id): Path<String>) -> Response {
    match ask(api, move |store| stories::story(store.db(), &id)).await {
        Ok(Some(s)) => axum::Json(s).into_response(),
        Ok(None) => error(StatusCode::NOT_FOUND, "no such story".into()),
        Err(r) => r,
    }
}

async fn facts_route(State(api): State<Arc<Api>>, Query(mut question): Query<Facts>) -> Response {
    question.limit = Some(
        question
            .limit
            .unwrap_or(facts::DEFAULT_LIMIT)
            .min(facts::MAX_LIMIT),
    );
    let found = ask(api, move |store| match question.story.clone() {
        Some(id) => match stories::article_paths(store.db(), &id)? {
            Some(paths) => facts::entries_of_articles(store.db(), &paths, &question).map(Some),
            None => Ok(None),
        },
        None => facts::entries(store.db(), &question).map(Some),
    })
    .await;
    match found {
        Ok(Some(entries)) => axum::Json(Report { entries }).into_response(),
        Ok(None) => error(StatusCode::NOT_FOUND, "no such story".into()),
        Err(r) => r,
    }
}

async fn openapi() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "application/json")], OPENAPI)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::query::{EntityCount, Hit};
    use std::collections::BTreeSet;

    /// The routes [`router`] serves.
    const ROUTES: &[&str] = &[
        "/api/search",
        "/api/articles/{id}",
        "/api/entities",
        "/api/stories",
        "/api/stories/{id}",
        "/api/facts",
        "/api/openapi.json",
    ];

    fn doc() -> serde_json::Value {
        serde_json::from_str(OPENAPI).expect("the OpenAPI document is JSON")
    }

    fn properties(doc: &serde_json::Value, schema: &str) -> BTreeSet<String> {
        doc["components"]["schemas"][schema]["properties"]
            .as_object()
            .unwrap_or_else(|| panic!("schema {schema}"))
            .keys()
            .cloned()
            .collect()
    }

    fn keys(v: serde_json::Value) -> BTreeSet<String> {
        v.as_object().unwrap().keys().cloned().collect()
    }

    #[test]
    fn the_document_lists_every_route_and_the_fields_the_handlers_return() {
        let doc = doc();
        assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
        let paths: BTreeSet<&str> = doc["paths"]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(paths, ROUTES.iter().copied().collect());
        let hit = Hit {
            id: String::new(),
            path: String::new(),
            title: None,
            published: None,
            dated: String::new(),
            url: None,
            publisher: None,
            language: None,
            sentence: None,
        };
        assert_eq!(
            properties(&doc, "Hit"),
            keys(serde_json::to_value(hit).unwrap())
        );
        let entity = EntityCount {
            entity_type: String::new(),
            name: String::new(),
            country: None,
            articles: 0,
            mentions: 0,
            last: String::new(),
        };
        assert_eq!(
            properties(&doc, "EntityCount"),
            keys(serde_json::to_value(entity).unwrap())
        );
        let article = crate::stories::records::ArticleOut {
            id: String::new(),
            path: String::new(),
            title: None,
            published: None,
            near_duplicate_of: Some(String::new()),
        };
        let story = crate::stories::records::StoryOut {
            id: String::new(),
            label: String::new(),
            first: String::new(),
            last: String::new(),
            sources: Vec::new(),
            articles: vec![article],
        };
        let story = serde_json::to_value(story).unwrap();
        assert_eq!(
            properties(&doc, "StoryArticle"),
            keys(story["articles"][0].clone())
        );
        assert_eq!(properties(&doc, "Story"), keys(story));
    }

    #[test]
    fn a_ledger_entry_has_the_fields_the_document_promises() {
        let doc = doc();
        let observation = crate::facts::EntryObservation {
            value: 45.0,
            min: Some(45.0),
            max: Some(50.0),
            qualifier: Some(crate::record::Qualifier::Nearly),
            outlier: true,
            text: String::new(),
            article: String::new(),
            path: String::new(),
            published: None,
            cited: Some(String::new()),
            publisher: None,
            thing: String::new(),
        };
        assert_eq!(
            properties(&doc, "LedgerObservation"),
            keys(serde_json::to_value(&observation).unwrap())
        );
        let entry = crate::facts::Entry {
            id: String::new(),
            measure: String::new(),
            entity: None,
            kind: String::new(),
            unit: String::new(),
            period: None,
            agree: false,
            observations: vec![observation],
        };
        assert_eq!(
            properties(&doc, "LedgerEntry"),
            keys(serde_json::to_value(entry).unwrap())
        );
    }

    #[test]
    fn an_article_has_the_fields_the_document_promises() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::writer(
            &Target::Sqlite(dir.path().join("i.sqlite")),
            &crate::stories::assign::Settings::default(),
        )
        .unwrap();
        let record = crate::index::rows::tests::seed_record();
        let from = crate::index::rows::Provenance {
            origin: "o".into(),
            record_file: None,
            stamp: "s".into(),
        };
        store
            .write(
                &[crate::index::rows::rows(
                    record.clone(),
                    &from,
                    "2025-01-01T00:00:00Z",
                )],
                &[],
            )
            .unwrap();
        let article = query::article(store.db(), &record.id)
            .unwrap()
            .expect("found by id");
        let documented = properties(&doc(), "Article");
        let returned = keys(article.clone());
        assert!(
            returned.is_subset(&documented),
            "{returned:?} ⊄ {documented:?}"
        );
        let entity = keys(article["entities"][0].clone());
        assert!(
            entity.is_subset(&properties(&doc(), "ArticleEntity")),
            "{entity:?}"
        );
        assert!(
            keys(article["story"].clone()).is_subset(&properties(&doc(), "StoryRef")),
            "{article}"
        );
        let figure = keys(article["figures"][0].clone());
        assert!(
            figure.is_subset(&properties(&doc(), "Figure")),
            "{figure:?}"
        );
        assert!(query::article(store.db(), "nope").unwrap().is_none());
    }
}
