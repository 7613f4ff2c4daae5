//! Emits each operation's stub (the awsJson request it sends and how its response is
//! read, both without I/O) and the `Client` that runs them over a `Transport`: one method
//! per operation returning its fluent builder ([`super::fluent`]), and the calls those
//! send, on a `Calls` wrapper whose methods no operation name can clash with. Every name
//! that goes on the wire comes from the plan, which took it from the model.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::errors::enum_name;
use super::prelude::*;
use super::rust_type::{ident, path};
use crate::plan::{Compression, HostPrefixPart, OperationPlan, Plan};

/// The operation's unit struct with `request` and `parse_response`.
pub fn operation_stub(plan: &Plan, operation: &OperationPlan) -> TokenStream {
    let name = ident(&operation.name);
    let input = path(&operation.input.path);
    let output = path(&operation.output.path);
    let error = format_ident!("{}", enum_name(operation));
    let target = &operation.target;
    let fill_token = fill_idempotency_token(plan, operation);
    let (input_binding, tokens_binding) = if fill_token.is_empty() {
        (quote!(input), quote!(_tokens))
    } else {
        (quote!(mut input), quote!(tokens))
    };
    let set_host_prefix = host_prefix(operation);
    let request_fns = request_fns(
        operation,
        &input,
        input_binding,
        tokens_binding,
        fill_token,
        set_host_prefix,
    );
    let doc = format!(
        " The `{}` operation on the wire: the request it sends and how its response is read, without I/O. [`Client`](crate::client::Client) runs both over a transport.",
        operation.model_name()
    );
    let name_str = operation.model_name();
    quote! {
        #[doc = #doc]
        #[derive(#CLONE, #COPY, #DERIVE_DEBUG, #DEFAULT)]
        #[non_exhaustive]
        pub struct #name;

        impl #name {
            /// The operation's name in the model.
            pub const NAME: &'static str = #name_str;

            /// The `X-Amz-Target` header value.
            pub const TARGET: &'static str = #target;

            #request_fns

            /// Reads a response: a 2xx status is the output (an empty body reads as `{}`),
            /// anything else the error its code names; either keeps the response's request
            /// id ([`RequestId`](crate::error::RequestId)). The default
            /// [`Limits`](crate::limits::Limits) apply.
            pub fn parse_response<B: #AS_REF<[u8]>>(
                response: &::http::Response<B>,
            ) -> #RESULT<#output, #error> {
                Self::parse_response_with(response, &crate::limits::Limits::DEFAULT)
            }

            /// Like [`parse_response`](Self::parse_response), with these bounds on the body.
            pub fn parse_response_with<B: #AS_REF<[u8]>>(
                response: &::http::Response<B>,
                limits: &crate::limits::Limits,
            ) -> #RESULT<#output, #error> {
                crate::json::read_in_place(|output| Self::parse_response_into(response, limits, output))
            }

            /// [`parse_response_with`](Self::parse_response_with) into `output`, which
            /// holds its zero value: the client reads in place.
            pub(crate) fn parse_response_into<B: #AS_REF<[u8]>>(
                response: &::http::Response<B>,
                limits: &crate::limits::Limits,
                output: &mut #output,
            ) -> #RESULT<(), #error> {
                let status = response.status().as_u16();
                let body = response.body().as_ref();
                let request_id = crate::protocol::request_id(response.headers());
                if response.status().is_success() {
                    return match crate::protocol::parse_output_into(body, limits, output) {
                        #OK(()) => {
                            output._request_id = request_id;
                            #OK(())
                        }
                        #ERR(e) => #ERR(#error::unreadable_output(status, body, e, limits, request_id)),
                    };
                }
                let error = crate::protocol::ErrorResponse::read(crate::operation::PROTOCOL, status, response.headers(), body, limits);
                #ERR(#error::from_response(&error))
            }
        }
    }
}

/// `request` (and, for an operation with request compression, `request_with_compression`).
fn request_fns(
    operation: &OperationPlan,
    input: &TokenStream,
    input_binding: TokenStream,
    tokens_binding: TokenStream,
    fill_token: TokenStream,
    set_host_prefix: TokenStream,
) -> TokenStream {
    let request = quote!(crate::protocol::request(
        crate::operation::PROTOCOL,
        Self::TARGET,
        &input
    ));
    let build = match (&operation.compression, set_host_prefix.is_empty()) {
        (None, true) => quote! {
            #fill_token
            #request
        },
        (None, false) => quote! {
            #fill_token
            let mut request = #request?;
            #set_host_prefix
            #OK(request)
        },
        (Some(_), _) => quote! {
            #fill_token
            let mut request = #request?;
            #set_host_prefix
        },
    };
    match operation.compression {
        None => quote! {
            /// The HTTP request for `input`: `POST /` with the protocol's headers and the
            /// JSON body. An unset idempotency token is filled from `tokens`.
            pub fn request(
                #input_binding: #input,
                #tokens_binding: &dyn crate::idempotency::TokenSource,
            ) -> #RESULT<::http::Request<#VEC<u8>>, crate::error::SerializeError> {
                #build
            }
        },
        Some(Compression::Gzip) => quote! {
            /// The HTTP request for `input`: `POST /` with the protocol's headers and the
            /// JSON body. An unset idempotency token is filled from `tokens`.
            ///
            /// The body is gzip-compressed when it is at least the default threshold long
            /// (see [`request_with_compression`](Self::request_with_compression)).
            pub fn request(
                input: #input,
                tokens: &dyn crate::idempotency::TokenSource,
            ) -> #RESULT<::http::Request<#VEC<u8>>, crate::error::SerializeError> {
                Self::request_with_compression(input, tokens, &crate::compression::RequestCompression::default())
            }

            /// [`request`](Self::request), compressing the body as `compression` says.
            pub fn request_with_compression(
                #input_binding: #input,
                #tokens_binding: &dyn crate::idempotency::TokenSource,
                compression: &crate::compression::RequestCompression,
            ) -> #RESULT<::http::Request<#VEC<u8>>, crate::error::SerializeError> {
                #build
                crate::compression::gzip(&mut request, compression)?;
                #OK(request)
            }
        },
    }
}

/// For an operation with the `endpoint` trait: its host prefix, each `{label}` filled with
/// the input member's value once checked to be a host label.
fn host_prefix(operation: &OperationPlan) -> TokenStream {
    let Some(prefix) = &operation.host_prefix else {
        return quote!();
    };
    let pieces = prefix.parts.iter().map(|part| match part {
        HostPrefixPart::Literal(text) => quote!(prefix.push_str(#text);),
        HostPrefixPart::Label { member_name, field } => {
            let field = ident(field);
            quote! {
                prefix.push_str(crate::protocol::host_label(#member_name, input.#field.as_deref())?);
            }
        }
    });
    quote! {
        let mut prefix = #STRING::new();
        #(#pieces)*
        crate::protocol::set_host_prefix(&mut request, prefix);
    }
}

/// `if input.token.is_none() { input.token = Some(tokens.token()); }` for the input's
/// `@idempotencyToken` member, if it has one (the plan checked that it is a string).
fn fill_idempotency_token(plan: &Plan, operation: &OperationPlan) -> TokenStream {
    let input = plan.structure(&operation.input);
    let Some(field) = input.fields.iter().find(|f| f.idempotency_token) else {
        return quote!();
    };
    let member = ident(&field.name);
    if field.optional {
        quote! {
            if input.#member.is_none() {
                input.#member = #SOME(tokens.token());
            }
        }
    } else {
        quote! {
            if input.#member.is_empty() {
                input.#member = tokens.token();
            }
        }
    }
}

/// `src/client.rs`: the client with one fluent-call method per operation.
pub fn client(plan: &Plan) -> TokenStream {
    let compresses = super::RuntimeFeatures::of(plan).compression;
    let with_endpoint_doc = super::endpoint::with_endpoint_doc(plan);
    let (endpoint_field, endpoint_init, endpoint_clone) = (
        super::endpoint::client_field(plan),
        super::endpoint::client_field_init(plan),
        super::endpoint::client_field_clone(plan),
    );
    let calls = plan.operations.iter().map(|operation| {
        let (request_fn, output_fn) = call_halves(operation);
        let op = path(&format!("crate::operation::{}::{}", operation.module, operation.name));
        let input = path(&operation.input.path);
        let output = path(&operation.output.path);
        let error = path(&format!("crate::operation::{}::{}", operation.module, enum_name(operation)));
        let (bind_endpoint_params, apply_endpoint) = super::endpoint::client_apply(plan, operation);
        let build = match operation.compression {
            None => quote!(#op::request(input, &*self.tokens)),
            Some(_) => quote!(#op::request_with_compression(input, &*self.tokens, &self.compression)),
        };
        quote! {
            /// The request of this call, its endpoint applied.
            pub(crate) fn #request_fn(
                &self,
                input: #input,
            ) -> #RESULT<::http::Request<#VEC<u8>>, crate::error::SdkError<#error, T::Error>> {
                #bind_endpoint_params
                let mut request = #build.map_err(crate::error::SdkError::Construction)?;
                #apply_endpoint
                #OK(request)
            }

            /// What the response of this call says.
            pub(crate) fn #output_fn(
                &self,
                response: &::http::Response<#VEC<u8>>,
            ) -> #RESULT<#output, crate::error::SdkError<#error, T::Error>> {
                crate::json::read_in_place(|output| {
                    #op::parse_response_into(response, &self.limits, output).map_err(crate::error::SdkError::Service)
                })
            }
        }
    });
    let methods = plan.operations.iter().map(super::fluent::client_method);
    // A crate whose every operation was left out has no calls.
    let calls_wrapper = (!plan.operations.is_empty()).then(|| {
        quote! {
        /// One call on the wire, the future that every operation's `send`, `send_with` and
        /// paginator returns: the request `request` makes of `input` (when first polled),
        /// sent through the client's transport, and the output `output` reads from the
        /// response. One generic `async fn` rather than one per entry point: the compiler
        /// checks each `async` body at a cost of milliseconds, and a future awaiting
        /// another would copy the output once more on its way out.
        pub(crate) async fn call<T, C, I, O, E, Req, Out>(
            client: C,
            input: I,
            request: Req,
            output: Out,
        ) -> #RESULT<O, crate::error::SdkError<E, T::Error>>
        where
            T: Transport,
            C: ::std::borrow::Borrow<Client<T>>,
            Req: FnOnce(&Client<T>, I) -> #RESULT<::http::Request<#VEC<u8>>, crate::error::SdkError<E, T::Error>>,
            Out: FnOnce(&Client<T>, &::http::Response<#VEC<u8>>) -> #RESULT<O, crate::error::SdkError<E, T::Error>>,
        {
            let client = client.borrow();
            let request = request(client, input)?;
            let response = client
                .transport
                .send(request)
                .await
                .map_err(crate::error::SdkError::Transport)?;
            output(client, &response)
        }

        /// Each operation's call on the wire in two halves, apart from the client's own
        /// methods (an operation's name can never clash with them): its request, and its
        /// output from the response, which [`call`] runs on either side of the transport.
        pub(crate) struct Calls<'c, T>(pub(crate) &'c Client<T>);

        impl<T> ::std::ops::Deref for Calls<'_, T> {
            type Target = Client<T>;

            fn deref(&self) -> &Client<T> {
                self.0
            }
        }

        // Named after operations (`from_env_operation`), whatever prefix clippy expects
        // `self` to match.
        #[allow(clippy::wrong_self_convention)]
        impl<T: Transport> Calls<'_, T> {
            #(#calls)*
        }
        }
    });
    let compression_field =
        compresses.then(|| quote!(compression: crate::compression::RequestCompression,));
    let compression_init = compresses.then(|| quote!(compression: #DEFAULT::default(),));
    let compression_clone = compresses.then(|| quote!(compression: self.compression,));
    let compression_setter = compresses.then(|| {
        quote! {
            /// Replaces the request compression settings of the operations that compress
            /// their requests (on by default, from 10240 bytes).
            pub fn with_request_compression(mut self, compression: crate::compression::RequestCompression) -> Self {
                self.compression = compression;
                self
            }
        }
    });
    let client_doc = super::rust_type::doc_attrs(&format!(
        "Calls the service's operations over a [`Transport`].\n\n\
         Cloning is cheap (the transport and the token source are shared behind `Arc`s): \
         clone the client to use it from several tasks.{}",
        super::doc_examples::client_section(plan)
    ));
    quote! {
        //! The client: each operation as a method returning its fluent builder, whose
        //! `send()` builds the request, hands it to a [`Transport`] and reads the response.

        use crate::endpoint::Endpoint;
        use crate::idempotency::{RandomTokens, TokenSource};
        use crate::limits::Limits;
        use crate::transport::Transport;

        #client_doc
        pub struct Client<T> {
            transport: ::std::sync::Arc<T>,
            tokens: ::std::sync::Arc<dyn TokenSource>,
            endpoint: #OPTION<Endpoint>,
            #endpoint_field
            limits: Limits,
            #compression_field
        }

        impl<T: Transport> Client<T> {
            /// A client sending through `transport`, with random idempotency tokens.
            pub fn new(transport: T) -> Self {
                Client {
                    transport: ::std::sync::Arc::new(transport),
                    tokens: ::std::sync::Arc::new(RandomTokens),
                    endpoint: #NONE,
                    #endpoint_init
                    limits: Limits::DEFAULT,
                    #compression_init
                }
            }

            #with_endpoint_doc
            pub fn with_endpoint(mut self, endpoint: Endpoint) -> Self {
                self.endpoint = #SOME(endpoint);
                self
            }

            /// Replaces the source of idempotency tokens (a fixed one in tests).
            pub fn with_token_source(mut self, tokens: impl TokenSource + 'static) -> Self {
                self.tokens = ::std::sync::Arc::new(tokens);
                self
            }

            /// Reads responses within `limits` instead of `Limits::DEFAULT`.
            pub fn with_limits(mut self, limits: Limits) -> Self {
                self.limits = limits;
                self
            }
            #compression_setter

            /// The transport this client sends through.
            pub fn transport(&self) -> &T {
                &self.transport
            }

            #(#methods)*
        }

        impl<T> ::std::clone::Clone for Client<T> {
            fn clone(&self) -> Self {
                Client {
                    transport: ::std::sync::Arc::clone(&self.transport),
                    tokens: ::std::sync::Arc::clone(&self.tokens),
                    endpoint: self.endpoint.clone(),
                    limits: self.limits,
                    #compression_clone
                    #endpoint_clone
                }
            }
        }

        impl<T: ::std::fmt::Debug> ::std::fmt::Debug for Client<T> {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("Client")
                    .field("transport", &self.transport)
                    .field("endpoint", &self.endpoint)
                    .field("limits", &self.limits)
                    .finish_non_exhaustive()
            }
        }

        #calls_wrapper
    }
}

/// The names of an operation's two halves on `Calls`: its request, and its output from the
/// response. Every operation's pair differs from every other's: the suffixes do, and a
/// module named after a keyword (`match_`) loses only the `_` that only keywords get.
fn call_halves(operation: &OperationPlan) -> (proc_macro2::Ident, proc_macro2::Ident) {
    let stem = operation.module.trim_end_matches('_');
    (
        format_ident!("{stem}_request"),
        format_ident!("{stem}_output"),
    )
}

/// An entry point's future: `crate::client::call` on `client` and `input` (expressions),
/// the input first built by `build` (statements; none when `input` is built already).
pub fn send_call(
    operation: &OperationPlan,
    client: TokenStream,
    input: TokenStream,
    build: TokenStream,
) -> TokenStream {
    let (request_fn, output_fn) = call_halves(operation);
    let request = quote!(crate::client::Calls(client).#request_fn(input));
    let request = if build.is_empty() {
        request
    } else {
        quote!({ #build #request })
    };
    quote! {
        crate::client::call(
            #client,
            #input,
            |client, input| #request,
            |client, response| crate::client::Calls(client).#output_fn(response),
        )
    }
}
