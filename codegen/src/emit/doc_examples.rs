//! The examples in the generated crate's documentation, written as doctests that
//! `cargo test --doc` compiles and runs: a call through the client with its errors
//! reported once each (crate root), a `Transport` over any async function (crate root),
//! and a client shared by clones (`Client`). They name the crate by its package name;
//! in the one-file form for `include!` they do not compile where the file is included,
//! so [`inline`](crate::output::inline) marks them `ignore`.

use crate::plan::{OperationPlan, PathStep, Plan, RustType, StructPlan};

/// The info string of every runnable example; the one-file form turns it into
/// `rust,ignore`.
pub const FENCE: &str = "```rust";

/// A future polled on the spot (the canned transport is ready at once), as hidden
/// doctest lines: no async runtime needed.
const BLOCK_ON: &str = "\
# fn block_on<F: std::future::Future>(future: F) -> F::Output {
#     struct Noop;
#     impl std::task::Wake for Noop {
#         fn wake(self: std::sync::Arc<Self>) {}
#     }
#     let waker = std::task::Waker::from(std::sync::Arc::new(Noop));
#     let mut context = std::task::Context::from_waker(&waker);
#     let mut future = std::pin::pin!(future);
#     loop {
#         if let std::task::Poll::Ready(output) = future.as_mut().poll(&mut context) {
#             return output;
#         }
#     }
# }";

/// An operation to show and the expression building its input: the first one whose
/// required members are all strings (set to `"example"`).
struct Example<'p> {
    operation: &'p OperationPlan,
    input: String,
    /// The setters of the required members, each on its own line.
    setters: String,
}

fn example(plan: &Plan) -> Option<Example<'_>> {
    plan.operations.iter().find_map(|operation| {
        let input = plan.structure(&operation.input);
        let required: Vec<_> = input.fields.iter().filter(|f| f.must_be_set()).collect();
        if required.iter().any(|f| f.ty != RustType::String) {
            return None;
        }
        let setters: String = required
            .iter()
            .map(|f| format!("\n    .{}(\"example\")", f.name))
            .collect();
        let fallible = if input.build_is_fallible() { "?" } else { "" };
        Some(Example {
            operation,
            input: format!("{}::builder(){setters}\n    .build(){fallible}", input.name),
            setters,
        })
    })
}

/// A type's `crate::` path as a path from outside the crate.
fn use_path(krate: &str, path: &str) -> String {
    match path.strip_prefix("crate::") {
        Some(rest) => format!("{krate}::{rest}"),
        None => path.to_owned(),
    }
}

fn krate(plan: &Plan) -> String {
    plan.crate_name.replace('-', "_")
}

/// The crate root's sections: calling an operation and reporting its errors, and a
/// transport of your own.
pub fn root_sections(plan: &Plan) -> String {
    let krate = krate(plan);
    let endpoint = example_endpoint(plan);
    let mut text = String::new();
    if let Some(Example {
        operation, setters, ..
    }) = example(plan)
    {
        let module = &operation.module;
        text.push_str(&format!(
            "\n\n# Calling `{name}`\n\n\
             Each error's `Display` says only its own level and `source()` hands on the cause, \
             so a reporter that walks the chain prints each message once:\n\n\
             {FENCE}\n\
             use std::error::Error;\n\
             use {krate}::error::SdkError;\n\
             use {krate}::transport::CannedTransport;\n\n\
             {BLOCK_ON}\n\
             # fn main() -> Result<(), Box<dyn Error>> {{\n\
             /// Every message of the chain, outermost first.\n\
             fn report(error: &dyn Error) -> String {{\n    \
                 let mut text = error.to_string();\n    \
                 let mut source = error.source();\n    \
                 while let Some(cause) = source {{\n        \
                     text = format!(\"{{text}}: {{cause}}\");\n        \
                     source = cause.source();\n    \
                 }}\n    \
                 text\n\
             }}\n\n\
             // A transport that answers with an error the model does not know.\n\
             let transport = CannedTransport::new()\n    \
                 .with_response(400, r#\"{{\"__type\":\"SlowDown\",\"message\":\"too many requests\"}}\"#);\n\
             let client = {krate}::Client::new(transport){endpoint};\n\
             // A fluent call, as in aws-sdk-rust: the input's setters, then `send()`.\n\
             let call = client.{module}(){setters};\n\
             match block_on(call.send()) {{\n    \
                 Ok(output) => println!(\"{{output:?}}\"),\n    \
                 Err(SdkError::Service(e)) if e.code() == Some(\"SlowDown\") => {{\n        \
                     assert_eq!(report(&e), \"unhandled error `SlowDown` (HTTP 400): too many requests\");\n    \
                 }}\n    \
                 Err(e) => return Err(e.into()),\n\
             }}\n\
             # Ok(())\n\
             # }}\n\
             ```",
            name = operation.model_name(),
        ));
    }
    text.push_str(&format!(
        "\n\n# Your HTTP client\n\n\
         A [`transport::Transport`] sends the request and returns the response; signing, \
         retries and timeouts are its business. This one runs any async function, such as a \
         call of your HTTP client:\n\n\
         {FENCE}\n\
         use std::future::Future;\n\
         use {krate}::transport::Transport;\n\n\
         struct FnTransport<F>(F);\n\n\
         impl<F, Fut, E> Transport for FnTransport<F>\n\
         where\n    \
             F: Fn(http::Request<Vec<u8>>) -> Fut + Send + Sync,\n    \
             Fut: Future<Output = Result<http::Response<Vec<u8>>, E>> + Send,\n    \
             E: std::error::Error + Send + Sync + 'static,\n\
         {{\n    \
             type Error = E;\n\n    \
             fn send(\n        \
                 &self,\n        \
                 request: http::Request<Vec<u8>>,\n    \
             ) -> impl Future<Output = Result<http::Response<Vec<u8>>, E>> + Send {{\n        \
                 (self.0)(request)\n    \
             }}\n\
         }}\n\n\
         let client = {krate}::Client::new(FnTransport(|request: http::Request<Vec<u8>>| async move {{\n    \
             // Sign the request, send it with your HTTP client, return its response.\n    \
             let _ = request;\n    \
             Ok::<_, std::io::Error>(http::Response::new(b\"{{}}\".to_vec()))\n\
         }}));\n\
         # let _ = client;\n\
         ```"
    ));
    text
}

/// For a service with endpoint rules, the examples name an endpoint: the rules would ask
/// for a region (and whatever else they take) first.
fn example_endpoint(plan: &Plan) -> String {
    match plan.service.endpoint_rules {
        Some(_) => format!(
            "\n    .with_endpoint({}::endpoint::Endpoint::parse(\"https://example.com\")?)",
            krate(plan)
        ),
        None => String::new(),
    }
}

/// The `Client` doc's example: a fluent call, and a built input sent through a clone
/// sharing the transport.
pub fn client_section(plan: &Plan) -> String {
    let krate = krate(plan);
    let endpoint = example_endpoint(plan);
    let Some(Example {
        operation,
        input,
        setters,
    }) = example(plan)
    else {
        return String::new();
    };
    let module = &operation.module;
    let input_type = use_path(&krate, &operation.input.path);
    // One setter per line, `send()` on its own line after them.
    let send = if setters.is_empty() {
        ".send()"
    } else {
        "\n    .send()"
    };
    format!(
        "\n\n{FENCE}\n\
         use {input_type};\n\
         use {krate}::transport::CannedTransport;\n\n\
         {BLOCK_ON}\n\
         # fn main() -> Result<(), Box<dyn std::error::Error>> {{\n\
         let client = {krate}::Client::new(CannedTransport::new().with_response(200, \"{{}}\")){endpoint};\n\
         let output = block_on(client.{module}(){setters}{send})?;\n\
         println!(\"{{output:?}}\");\n\n\
         // An input built beforehand, sent through a clone: it shares the transport, so\n\
         // both requests went through it.\n\
         let input = {input};\n\
         let clone = client.clone();\n\
         block_on(input.send_with(&clone))?;\n\
         assert_eq!(client.transport().take_requests().len(), 2);\n\
         # Ok(())\n\
         # }}\n\
         ```"
    )
}

/// A paginator's example: three pages through a canned transport, their items collected.
pub fn paginator_section(plan: &Plan, operation: &OperationPlan) -> String {
    let Some(pagination) = &operation.pagination else {
        return String::new();
    };
    let input = plan.structure(&operation.input);
    if input.fields.iter().any(|f| f.must_be_set()) {
        return String::new();
    }
    let krate = krate(plan);
    let endpoint = example_endpoint(plan);
    let module = &operation.module;
    let output = plan.structure(&operation.output);
    // The token's JSON path: nested members become nested objects.
    let names = output_token_names(plan, output, &pagination.output_token);
    let page = |token: &str| {
        let mut json = format!(
            "\\\"{}\\\":\\\"{token}\\\"",
            names.last().cloned().unwrap_or_default()
        );
        for name in names.iter().rev().skip(1) {
            json = format!("\\\"{name}\\\":{{{json}}}");
        }
        format!("{{{json}}}")
    };
    let size = pagination
        .page_size
        .as_ref()
        .map(|_| ".page_size(10)")
        .unwrap_or_default();
    let (walk, check) = match &pagination.items {
        Some(_) => (
            "let items = block_on(paginator.items().send().try_collect())?;",
            "assert!(items.is_empty());",
        ),
        None if pagination.map_token => (
            "let pages = block_on(paginator.send().try_collect())?;",
            "assert_eq!(pages.len(), 1);",
        ),
        None => (
            "let pages = block_on(paginator.send().try_collect())?;",
            "assert_eq!(pages.len(), 2);",
        ),
    };
    // A map token's values can be of any type: the example's one page has none.
    let (pages, responses, requests) = if pagination.map_token {
        (
            "One page, without a token",
            "\n    .with_response(200, \"{}\")".to_owned(),
            1,
        )
    } else {
        (
            "Two pages: the first names the next one's token, the last has none",
            format!(
                "\n    .with_response(200, \"{}\")\n    .with_response(200, \"{{}}\")",
                page("t1")
            ),
            2,
        )
    };
    format!(
        "\n\n{FENCE}\n\
         use {krate}::transport::CannedTransport;\n\n\
         {BLOCK_ON}\n\
         # fn main() -> Result<(), Box<dyn std::error::Error>> {{\n\
         // {pages}.\n\
         let transport = CannedTransport::new(){responses};\n\
         let client = {krate}::Client::new(transport){endpoint};\n\
         let paginator = client.{module}().into_paginator(){size};\n\
         {walk}\n\
         {check}\n\
         assert_eq!(client.transport().take_requests().len(), {requests});\n\
         # Ok(())\n\
         # }}\n\
         ```",
    )
}

/// The model names of the members on the output token's path.
fn output_token_names(plan: &Plan, output: &StructPlan, steps: &[PathStep]) -> Vec<String> {
    let mut names = Vec::new();
    let mut current = output;
    for step in steps {
        let Some(field) = current.fields.iter().find(|f| f.name == step.field) else {
            break;
        };
        names.push(field.member_name.clone());
        if let RustType::Struct(r) = &field.ty {
            current = plan.structure(r);
        }
    }
    names
}
