//! Emits the aws-sdk-style call API of each operation: the fluent builder
//! `Client::copy_backup()` returns (`operation::copy_backup::builders::CopyBackupFluentBuilder`:
//! the input builder's setters, then `send()`), `send_with(&client)` on the input and its
//! builder, and, for a `@paginated` operation, its paginator
//! (`operation::<op>::paginator`).

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::errors::enum_name;
use super::operation::send_call;
use super::prelude::*;
use super::rust_type::{
    allow_std_trait_name, boxed_if, deprecated_attr, doc_attrs, ident, optional_if, path, tokens,
};
use super::structure::{allow_deprecated, field_doc, member_text, parameter};
use crate::plan::names::unraw;
use crate::plan::{FieldPlan, OperationPlan, PathStep, Plan, RustType, StructPlan};

/// The fluent builder's type name, as aws-sdk names it.
pub fn fluent_name(operation: &OperationPlan) -> String {
    format!("{}FluentBuilder", operation.name)
}

/// `Result<Output, SdkError<Error, T::Error>>`
fn call_result(operation: &OperationPlan) -> TokenStream {
    let output = path(&operation.output.path);
    let error = error_path(operation);
    quote!(#RESULT<#output, crate::error::SdkError<#error, T::Error>>)
}

fn error_path(operation: &OperationPlan) -> TokenStream {
    path(&format!(
        "crate::operation::{}::{}",
        operation.module,
        enum_name(operation)
    ))
}

/// `let input = <builder>.build()` as a call's input, a missing member an `SdkError`.
fn build_input(input: &StructPlan, builder: TokenStream) -> TokenStream {
    if input.build_is_fallible() {
        quote! {
            let input = #builder.build().map_err(|e| {
                crate::error::SdkError::Construction(crate::error::SerializeError::build(e))
            })?;
        }
    } else {
        quote!(let input = #builder.build();)
    }
}

/// `src/operation/<op>/fluent_builder.rs`: the fluent builder and `send_with`.
pub fn fluent_builder_file(plan: &Plan, operation: &OperationPlan) -> TokenStream {
    let input = plan.structure(&operation.input);
    let name = format_ident!("{}", fluent_name(operation));
    let input_ty = path(&operation.input.path);
    let builder = path(&format!(
        "crate::operation::{}::builders::{}",
        operation.module,
        input.builder_name()
    ));
    let result = call_result(operation);
    let build = build_input(input, quote!(input));
    let send_from_fluent = send_call(
        operation,
        quote!(self.client),
        quote!(self.inner),
        build.clone(),
    );
    let send_from_input = send_call(operation, quote!(client), quote!(self), quote!());
    let send_from_builder = send_call(operation, quote!(client), quote!(self), build);
    let setters = input.fields.iter().map(delegating_setters);
    let allow_deprecated = allow_deprecated(input);
    let paginator = operation.pagination.as_ref().map(|_| {
        let paginator = path(&format!(
            "crate::operation::{}::paginator::{}Paginator",
            operation.module, operation.name
        ));
        quote! {
            /// Pages through the results: each page is a call with the token of the one
            /// before it.
            pub fn into_paginator(self) -> #paginator<T> {
                #paginator::new(self.client, self.inner)
            }
        }
    });
    let doc = doc_attrs(&format!(
        "Calls `{}`: set the input's members with the setters, then [`send`](Self::send) it. \
         [`Client::{}`](crate::Client::{}) makes one.",
        operation.model_name(),
        operation.module,
        operation.module
    ));
    let name_str = fluent_name(operation);
    let send_with_doc = doc_attrs(&format!(
        "Builds the input and sends it through `client` (as aws-sdk's `{}::send_with`).",
        input.builder_name()
    ));
    quote! {
        //! The fluent builder of the operation's call.

        #doc
        pub struct #name<T> {
            client: crate::Client<T>,
            inner: #builder,
        }

        impl<T> ::std::clone::Clone for #name<T> {
            fn clone(&self) -> Self {
                #name {
                    client: self.client.clone(),
                    inner: self.inner.clone(),
                }
            }
        }

        impl<T> ::std::fmt::Debug for #name<T> {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct(#name_str)
                    .field("inner", &self.inner)
                    .finish_non_exhaustive()
            }
        }

        #allow_deprecated
        impl<T: crate::transport::Transport> #name<T> {
            pub(crate) fn new(client: crate::Client<T>) -> Self {
                #name {
                    client,
                    inner: #DEFAULT::default(),
                }
            }

            /// Builds the input and sends it.
            pub fn send(self) -> impl ::std::future::Future<Output = #result> {
                #send_from_fluent
            }

            /// The input builder, as the setters have filled it so far.
            pub fn as_input(&self) -> &#builder {
                &self.inner
            }

            #paginator

            #(#setters)*
        }

        impl #input_ty {
            /// Sends this input through `client`.
            pub fn send_with<T: crate::transport::Transport>(self, client: &crate::Client<T>) -> impl ::std::future::Future<Output = #result> + '_ {
                #send_from_input
            }
        }

        impl #builder {
            #send_with_doc
            pub fn send_with<T: crate::transport::Transport>(self, client: &crate::Client<T>) -> impl ::std::future::Future<Output = #result> + '_ {
                #send_from_builder
            }
        }
    }
}

/// The input builder's `x`, `set_x` and `get_x`, forwarded to it.
fn delegating_setters(field: &FieldPlan) -> TokenStream {
    let name = ident(&field.name);
    let bare = unraw(&field.name);
    let setter = format_ident!("set_{}", bare);
    let getter = format_ident!("get_{}", bare);
    let stored = boxed_if(tokens(&field.ty), field.boxed);
    let member_doc = field_doc(field).into_tokens();
    let required = if field.must_be_set() {
        "\n\nRequired: `send()` returns an error when it is not set."
    } else {
        ""
    };
    let setter_doc = doc_attrs(&format!("{}{required}", member_text(field))).into_tokens();
    let deprecated = deprecated_attr(field.deprecated.as_deref());
    let allow = allow_std_trait_name(&field.name);
    let fluent = match &field.ty {
        RustType::List { item, sparse } => {
            let item = if *sparse {
                optional_if(tokens(item), true)
            } else {
                parameter(item).0
            };
            let doc = doc_attrs(&format!(
                "Appends an item to `{bare}`; use [`Self::{setter}`] to replace the whole list.{required}"
            ));
            quote! {
                #doc
                #deprecated
                #allow
                pub fn #name(mut self, input: #item) -> Self {
                    self.inner = self.inner.#name(input);
                    self
                }
            }
        }
        RustType::Map { key, value, sparse } => {
            let key = tokens(key);
            let value = if *sparse {
                optional_if(tokens(value), true)
            } else {
                parameter(value).0
            };
            let doc = doc_attrs(&format!(
                "Inserts an entry into `{bare}`; use [`Self::{setter}`] to replace the whole map.{required}"
            ));
            quote! {
                #doc
                #deprecated
                #allow
                pub fn #name(mut self, k: impl #INTO<#key>, input: #value) -> Self {
                    self.inner = self.inner.#name(k, input);
                    self
                }
            }
        }
        ty => {
            let param = parameter(ty).0;
            quote! {
                #setter_doc
                #deprecated
                #allow
                pub fn #name(mut self, input: #param) -> Self {
                    self.inner = self.inner.#name(input);
                    self
                }
            }
        }
    };
    quote! {
        #fluent
        #member_doc
        #deprecated
        pub fn #setter(mut self, input: #OPTION<#stored>) -> Self {
            self.inner = self.inner.#setter(input);
            self
        }
        #member_doc
        #deprecated
        pub fn #getter(&self) -> &#OPTION<#stored> {
            self.inner.#getter()
        }
    }
}

/// The `Client` method that starts a fluent call.
pub fn client_method(operation: &OperationPlan) -> TokenStream {
    let method = ident(&operation.module);
    let fluent = path(&format!(
        "crate::operation::{}::builders::{}",
        operation.module,
        fluent_name(operation)
    ));
    let doc = super::rust_type::doc_or(
        operation.doc.as_deref(),
        &format!("Calls `{}`.", operation.model_name()),
    );
    let deprecated = deprecated_attr(operation.deprecated.as_deref());
    let note = doc_attrs(&format!(
        "Returns a fluent builder: set the input's members on it, then `send()` it \
         ([`{name}`](crate::operation::{module}::builders::{name})).",
        name = fluent_name(operation),
        module = operation.module,
    ));
    quote! {
        #doc
        ///
        #note
        #deprecated
        pub fn #method(&self) -> #fluent<T> {
            #fluent::new(self.clone())
        }
    }
}

/// `src/operation/<op>/paginator.rs`, for a paginated operation.
pub fn paginator_file(plan: &Plan, operation: &OperationPlan) -> TokenStream {
    let Some(pagination) = &operation.pagination else {
        return quote!();
    };
    let input = plan.structure(&operation.input);
    let builder = path(&format!(
        "crate::operation::{}::builders::{}",
        operation.module,
        input.builder_name()
    ));
    let output = path(&operation.output.path);
    let error = error_path(operation);
    let result = quote!(#RESULT<#output, crate::error::SdkError<#error, T::Error>>);
    let send_page = send_call(
        operation,
        quote!(&self.client),
        quote!(self.builder.clone()),
        build_input(input, quote!(input)),
    );
    let paginator = format_ident!("{}Paginator", operation.name);
    let pages = format_ident!("{}Pages", operation.name);
    let input_token = ident(&pagination.input_token);
    let token = token_expr(&pagination.output_token);
    // The token sent last, to compare with the one received, and the received one as
    // the repeated-token error shows it.
    let (sent, shown) = if pagination.map_token {
        (quote!(as_ref), quote!(format!("{token:?}")))
    } else {
        (quote!(as_deref), quote!(token.to_owned()))
    };
    let page_size = pagination.page_size.as_ref().map(|(field, ty)| {
        let field = ident(field);
        let ty = tokens(ty);
        let doc = doc_attrs(&format!(
            "Sets the page size: the input's `{}`.",
            unraw(&field.to_string())
        ));
        quote! {
            #doc
            pub fn page_size(mut self, limit: #ty) -> Self {
                self.builder.#field = #SOME(limit);
                self
            }
        }
    });
    let items = pagination
        .items
        .as_ref()
        .map(|(steps, ty)| items_api(operation, steps, ty, &paginator, &pages));
    let (items_method, items_types) = items.unzip();
    let doc = doc_attrs(&format!(
        "Pages through `{}`: [`send`](Self::send) gives the pages{}. Each request carries the \
         token of the page before it; paging stops at a page without a token (or with an \
         empty one), after an error, or with an error when the service sends back the token \
         it was given.{}",
        operation.model_name(),
        if items_method.is_some() {
            ", [`items`](Self::items) the items of every page"
        } else {
            ""
        },
        super::doc_examples::paginator_section(plan, operation)
    ));
    let pages_doc = doc_attrs(&format!(
        "The pages of `{}`, one call each: [`next`](Self::next) sends the next request.",
        operation.model_name()
    ));
    let send_doc = doc_attrs(&format!(
        "The pages, fetched one by one as [`next`]({pages}::next) is called."
    ));
    quote! {
        //! The operation's paginator.

        #doc
        pub struct #paginator<T> {
            client: crate::Client<T>,
            builder: #builder,
        }

        impl<T: crate::transport::Transport> #paginator<T> {
            pub(crate) fn new(client: crate::Client<T>, builder: #builder) -> Self {
                #paginator { client, builder }
            }

            #page_size

            #items_method

            #send_doc
            pub fn send(self) -> #pages<T> {
                #pages {
                    client: self.client,
                    builder: self.builder,
                    done: false,
                    repeated: #NONE,
                }
            }
        }

        #pages_doc
        pub struct #pages<T> {
            client: crate::Client<T>,
            builder: #builder,
            done: bool,
            /// A token the service sent back: the error the next call returns.
            repeated: #OPTION<#STRING>,
        }

        impl<T: crate::transport::Transport> #pages<T> {
            /// The next page, or `None` after the last one.
            pub async fn next(&mut self) -> #OPTION<#result> {
                if let #SOME(token) = self.repeated.take() {
                    return #SOME(#ERR(crate::error::SdkError::Construction(
                        crate::error::SerializeError::repeated_token(&token),
                    )));
                }
                if self.done {
                    return #NONE;
                }
                let result = self.call().await;
                match &result {
                    #OK(page) => match #token.filter(|token| !token.is_empty()) {
                        #NONE => self.done = true,
                        #SOME(token) if self.builder.#input_token.#sent() == #SOME(token) => {
                            self.repeated = #SOME(#shown);
                            self.done = true;
                        }
                        #SOME(token) => self.builder.#input_token = #SOME(token.to_owned()),
                    },
                    #ERR(_) => self.done = true,
                }
                #SOME(result)
            }

            fn call(&self) -> impl ::std::future::Future<Output = #result> + '_ {
                #send_page
            }

            /// Every page, or the first error.
            pub async fn try_collect(mut self) -> #RESULT<#VEC<#output>, crate::error::SdkError<#error, T::Error>> {
                let mut pages = #VEC::new();
                while let #SOME(page) = self.next().await {
                    pages.push(page?);
                }
                #OK(pages)
            }
        }

        #items_types
    }
}

/// The paginator's `items()` and the types it gives.
fn items_api(
    operation: &OperationPlan,
    steps: &[PathStep],
    ty: &RustType,
    paginator: &proc_macro2::Ident,
    pages: &proc_macro2::Ident,
) -> (TokenStream, TokenStream) {
    let collection = tokens(ty);
    let items_builder = format_ident!("{}PaginatorItems", operation.name);
    let items = format_ident!("{}Items", operation.name);
    let output = path(&operation.output.path);
    let error = error_path(operation);
    let item = quote!(<#collection as ::std::iter::IntoIterator>::Item);
    let result = quote!(#RESULT<#item, crate::error::SdkError<#error, T::Error>>);
    let take = items_expr(steps);
    let method = quote! {
        /// The items of every page, one by one.
        pub fn items(self) -> #items_builder<T> {
            #items_builder(self)
        }
    };
    let send_doc = doc_attrs(&format!(
        "The items, pages fetched as [`next`]({items}::next) needs them."
    ));
    let types = quote! {
        /// The items of every page of the paginator; [`send`](Self::send) starts paging.
        pub struct #items_builder<T>(#paginator<T>);

        impl<T: crate::transport::Transport> #items_builder<T> {
            #send_doc
            pub fn send(self) -> #items<T> {
                #items {
                    pages: self.0.send(),
                    items: #NONE,
                }
            }
        }

        /// The items of every page: [`next`](Self::next) fetches a page when the one before it
        /// is used up.
        pub struct #items<T> {
            pages: #pages<T>,
            items: #OPTION<<#collection as ::std::iter::IntoIterator>::IntoIter>,
        }

        impl<T: crate::transport::Transport> #items<T> {
            /// The next item, or `None` after the last page's last one.
            pub async fn next(&mut self) -> #OPTION<#result> {
                loop {
                    if let #SOME(item) = self.items.as_mut().and_then(::std::iter::Iterator::next) {
                        return #SOME(#OK(item));
                    }
                    match self.pages.next().await? {
                        #OK(page) => self.items = #SOME(Self::take(page).into_iter()),
                        #ERR(e) => return #SOME(#ERR(e)),
                    }
                }
            }

            fn take(page: #output) -> #collection {
                #take
            }

            /// Every item, or the first error.
            pub async fn try_collect(mut self) -> #RESULT<#VEC<#item>, crate::error::SdkError<#error, T::Error>> {
                let mut items = #VEC::new();
                while let #SOME(item) = self.next().await {
                    items.push(item?);
                }
                #OK(items)
            }
        }
    };
    (method, types)
}

/// The output token of `page` as `Option<&str>`, through the fields' accessors.
fn token_expr(steps: &[PathStep]) -> TokenStream {
    let mut expr = quote!(page);
    let mut optional = false;
    for step in steps {
        let field = ident(&step.field);
        expr = match (optional, step.optional) {
            (false, _) => quote!(#expr.#field()),
            (true, true) => quote!(#expr.and_then(|v| v.#field())),
            (true, false) => quote!(#expr.map(|v| v.#field())),
        };
        optional |= step.optional;
    }
    if optional {
        expr
    } else {
        quote!(#SOME(#expr))
    }
}

/// The items collection taken out of `page` (empty when a member on the way is unset).
fn items_expr(steps: &[PathStep]) -> TokenStream {
    let mut expr = quote!(page);
    let mut optional = false;
    for step in steps {
        let field = ident(&step.field);
        expr = match (optional, step.optional, step.boxed) {
            (false, false, false) => quote!(#expr.#field),
            (false, false, true) => quote!(*#expr.#field),
            (false, true, false) => quote!(#expr.#field),
            (false, true, true) => quote!(#expr.#field.map(|v| *v)),
            (true, true, false) => quote!(#expr.and_then(|v| v.#field)),
            (true, true, true) => quote!(#expr.and_then(|v| v.#field).map(|v| *v)),
            (true, false, false) => quote!(#expr.map(|v| v.#field)),
            (true, false, true) => quote!(#expr.map(|v| *v.#field)),
        };
        optional |= step.optional;
    }
    if optional {
        quote!(#expr.unwrap_or_default())
    } else {
        expr
    }
}
