//! Emits each operation's stub (the awsJson1_1 request it sends and how its response is
//! read, both without I/O) and the `Client` that runs them over a `Transport`.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::errors::enum_name;
use super::prelude::*;
use super::rust_type::{doc_or, ident, path};
use crate::error::{Error, Result};
use crate::plan::{FieldPlan, OperationPlan, Plan, RustType};

/// The operation's unit struct with `request` and `parse_response`.
pub fn operation_stub(plan: &Plan, operation: &OperationPlan) -> Result<TokenStream> {
    let name = ident(&operation.name);
    let input = path(&operation.input);
    let output = path(&operation.output);
    let error = format_ident!("{}", enum_name(operation));
    let target = format!("{}.{}", plan.service.name, operation.name);
    let fill_token = fill_idempotency_token(plan, operation)?;
    let (input_binding, tokens_binding) = if fill_token.is_empty() {
        (quote!(input), quote!(_tokens))
    } else {
        (quote!(mut input), quote!(tokens))
    };
    let doc = format!(
        " The `{}` operation on the wire: the request it sends and how its response is read, without I/O. [`Client`](crate::client::Client) runs both over a transport.",
        operation.name
    );
    let name_str = &operation.name;
    Ok(quote! {
        #[doc = #doc]
        #[derive(#CLONE, #COPY, #DERIVE_DEBUG, #DEFAULT)]
        #[non_exhaustive]
        pub struct #name;

        impl #name {
            /// The operation's name in the model.
            pub const NAME: &'static str = #name_str;

            /// The `X-Amz-Target` header value.
            pub const TARGET: &'static str = #target;

            /// The HTTP request for `input`: `POST /` with the awsJson1_1 headers and the
            /// JSON body. An unset idempotency token is filled from `tokens`.
            pub fn request(
                #input_binding: #input,
                #tokens_binding: &dyn crate::idempotency::TokenSource,
            ) -> #RESULT<::http::Request<#VEC<u8>>, crate::error::SerializeError> {
                #fill_token
                crate::protocol::request(Self::TARGET, &input)
            }

            /// Reads a response: a 2xx status is the output (an empty body reads as `{}`),
            /// anything else the error its code names. The default
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
                let status = response.status().as_u16();
                let body = response.body().as_ref();
                if response.status().is_success() {
                    return crate::protocol::parse_output(body, limits)
                        .map_err(|e| #error::unreadable_output(status, body, e, limits));
                }
                let error = crate::protocol::ErrorResponse::read(status, response.headers(), body, limits);
                #ERR(#error::from_response(&error))
            }
        }
    })
}

/// `if input.token.is_none() { input.token = Some(tokens.token()); }` for the input's
/// `@idempotencyToken` member, if it has one.
fn fill_idempotency_token(plan: &Plan, operation: &OperationPlan) -> Result<TokenStream> {
    let Some(input) = plan
        .structures
        .iter()
        .find(|s| s.has_path(&operation.input))
    else {
        return Err(Error::shape(
            &operation.shape_id,
            "input has no generated structure",
        ));
    };
    let Some(field) = input.fields.iter().find(|f| f.idempotency_token) else {
        return Ok(quote!());
    };
    check_token_type(&operation.shape_id, field)?;
    let member = ident(&field.name);
    Ok(if field.optional {
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
    })
}

fn check_token_type(operation: &str, field: &FieldPlan) -> Result<()> {
    if field.ty == RustType::String && !field.boxed {
        Ok(())
    } else {
        Err(Error::shape(
            operation,
            format!(
                "idempotency token member `{}` must target a string",
                field.member_name
            ),
        ))
    }
}

/// `src/client.rs`: the client with one async method per operation.
pub fn client(plan: &Plan) -> TokenStream {
    let methods = plan.operations.iter().map(|operation| {
        let method = ident(&operation.module);
        let op = path(&format!("crate::operation::{}::{}", operation.module, operation.name));
        let input = path(&operation.input);
        let output = path(&operation.output);
        let error = path(&format!("crate::operation::{}::{}", operation.module, enum_name(operation)));
        let doc = doc_or(operation.doc.as_deref(), &format!("Calls `{}`.", operation.name));
        let deprecated = super::rust_type::deprecated_attr(operation.deprecated.as_deref());
        quote! {
            #doc
            #deprecated
            pub async fn #method(
                &self,
                input: #input,
            ) -> #RESULT<#output, crate::error::SdkError<#error, T::Error>> {
                let mut request = #op::request(input, &*self.tokens).map_err(crate::error::SdkError::Construction)?;
                if let #SOME(endpoint) = &self.endpoint {
                    endpoint.apply(&mut request).map_err(crate::error::SdkError::Construction)?;
                }
                let response = self.transport.send(request).await.map_err(crate::error::SdkError::Transport)?;
                #op::parse_response_with(&response, &self.limits).map_err(crate::error::SdkError::Service)
            }
        }
    });
    quote! {
        //! The client: each operation as an async method that builds the request, hands it
        //! to a [`Transport`] and reads the response.

        use crate::endpoint::Endpoint;
        use crate::idempotency::{RandomTokens, TokenSource};
        use crate::limits::Limits;
        use crate::transport::Transport;

        /// Calls the service's operations over a [`Transport`].
        pub struct Client<T> {
            transport: T,
            tokens: ::std::sync::Arc<dyn TokenSource>,
            endpoint: #OPTION<Endpoint>,
            limits: Limits,
        }

        impl<T: Transport> Client<T> {
            /// A client sending through `transport`, with random idempotency tokens.
            pub fn new(transport: T) -> Self {
                Client {
                    transport,
                    tokens: ::std::sync::Arc::new(RandomTokens),
                    endpoint: #NONE,
                    limits: Limits::DEFAULT,
                }
            }

            /// Sends every request to `endpoint` (absolute URIs); without one, requests
            /// keep the relative URI `/` and the transport decides where they go.
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

            /// The transport this client sends through.
            pub fn transport(&self) -> &T {
                &self.transport
            }

            #(#methods)*
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
    }
}
