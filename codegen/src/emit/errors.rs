//! Emits what makes a modeled error an error: `Display` and `std::error::Error` on each
//! error structure, the protocol hook that fills its message, and each operation's error
//! enum (one variant per modeled error, plus `Unhandled`) with code, message and fault.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::prelude::*;
use super::rust_type::{doc_or, ident, path};
use crate::model::ast::ErrorFault;
use crate::plan::{OperationPlan, Plan, StructPlan, StructRole};

/// `Display`, `Error` and `ModeledError` for an error structure.
pub fn error_structure(plan: &StructPlan) -> TokenStream {
    let name = ident(&plan.name);
    let code = plan.shape_name();
    let error_code = plan.error_code.as_deref().unwrap_or(code);
    let fault = match plan.role {
        StructRole::Error(ErrorFault::Server) => quote!(crate::error::Fault::Server),
        _ => quote!(crate::error::Fault::Client),
    };
    // The message member, if any, as `Display` shows it, as the protocol fills it in
    // when only the response's header carries it, and as `ServiceError::message` lends it.
    let (display_message, set_message, message) = match plan.message_field() {
        Some(field) if field.optional => {
            let member = ident(&field.name);
            (
                quote! {
                    if let #SOME(message) = &self.#member {
                        write!(f, ": {message}")?;
                    }
                },
                quote! {
                    if self.#member.is_none() {
                        self.#member = #SOME(message.to_owned());
                    }
                },
                quote!(self.#member.as_deref()),
            )
        }
        Some(field) => {
            let member = ident(&field.name);
            (
                quote! {
                    if !self.#member.is_empty() {
                        write!(f, ": {}", self.#member)?;
                    }
                },
                quote! {
                    if self.#member.is_empty() {
                        message.clone_into(&mut self.#member);
                    }
                },
                quote!(#SOME(self.#member.as_str())),
            )
        }
        None => (quote!(), quote!(let _ = message;), quote!(#NONE)),
    };
    quote! {
        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(#code)?;
                #display_message
                #OK(())
            }
        }

        impl ::std::error::Error for #name {}

        impl crate::error::ServiceError for #name {
            fn code(&self) -> #OPTION<&str> {
                #SOME(#error_code)
            }

            fn message(&self) -> #OPTION<&str> {
                #message
            }

            fn fault(&self) -> crate::error::Fault {
                #fault
            }
        }

        impl crate::protocol::ModeledError for #name {
            fn set_message_if_absent(&mut self, message: &str) {
                #set_message
            }

            fn set_request_id(&mut self, request_id: #OPTION<#STRING>) {
                self._request_id = request_id;
            }
        }
    }
}

/// One modeled error of an operation, as the enum sees it.
struct ErrorCase<'p> {
    variant: proc_macro2::Ident,
    structure: &'p StructPlan,
}

/// The name of an operation's error enum: `CopyBackupError`.
pub fn enum_name(operation: &OperationPlan) -> String {
    format!("{}Error", operation.name)
}

/// The module of an operation's error enum: `_copy_backup_error` (`_match_error` for the
/// module `match_`).
pub fn error_module(operation: &OperationPlan) -> String {
    format!("_{}_error", operation.module.trim_end_matches('_'))
}

/// The error enum of an operation, in its own file.
pub fn operation_error(plan: &Plan, operation: &OperationPlan) -> TokenStream {
    let cases = error_cases(plan, operation);
    let name = format_ident!("{}", enum_name(operation));
    let unhandled = unhandled_variant(&cases);
    let doc = format!(
        " Errors the `{}` operation can return.",
        operation.model_name()
    );
    let variants = cases.iter().map(|case| {
        let variant = &case.variant;
        let ty = path(&case.structure.path());
        let doc = doc_or(
            case.structure.doc.as_deref(),
            &format!("The `{}` error.", case.structure.name),
        );
        quote! {
            #doc
            #variant(#ty),
        }
    });
    let predicates = cases.iter().map(|case| {
        let variant = &case.variant;
        let method = format_ident!(
            "is_{}",
            heck::ToSnakeCase::to_snake_case(case.variant.to_string().as_str())
        );
        let doc = format!(
            " Whether this is a [`{}`](Self::{}).",
            case.variant, case.variant
        );
        quote! {
            #[doc = #doc]
            pub fn #method(&self) -> bool {
                ::std::matches!(self, Self::#variant(_))
            }
        }
    });
    let inners = cases.iter().map(|case| {
        let variant = &case.variant;
        quote!(Self::#variant(e) => e,)
    });
    let arms: Vec<TokenStream> = cases
        .iter()
        .map(|case| {
            let variant = &case.variant;
            let code = case.structure.shape_name();
            quote!(#SOME(#code) => Self::#variant(error.modeled()?),)
        })
        .collect();
    let dispatch = if arms.is_empty() {
        quote!(Self::#unhandled(error.unhandled()))
    } else {
        // `?` in a closure rather than `map_or_else` per arm: the arms share one
        // conversion instead of instantiating a generic helper per error type.
        quote! {
            let modeled = || {
                #OK(match error.code() {
                    #(#arms)*
                    _ => return #ERR(error.unhandled()),
                })
            };
            modeled().unwrap_or_else(Self::#unhandled)
        }
    };
    quote! {
        #[doc = #doc]
        #[non_exhaustive]
        #[derive(#CLONE, #DERIVE_DEBUG, #PARTIAL_EQ)]
        pub enum #name {
            #(#variants)*
            /// An error the model does not describe, or a response that could not be read.
            #unhandled(crate::error::Unhandled),
        }

        impl #name {
            /// The error code: the modeled error's shape name (its awsQuery code, for a
            /// query-compatible service), or what the service sent.
            pub fn code(&self) -> #OPTION<&str> {
                self.inner().code()
            }

            /// The service's message, if it sent one.
            pub fn message(&self) -> #OPTION<&str> {
                self.inner().message()
            }

            /// Whether the request or the service is to blame (the model's `error` trait).
            pub fn fault(&self) -> crate::error::Fault {
                self.inner().fault()
            }

            /// The error inside, which every method here asks.
            fn inner(&self) -> &dyn crate::error::ServiceError {
                match self {
                    #(#inners)*
                    Self::#unhandled(e) => e,
                }
            }

            #(#predicates)*

            /// A success response whose body could not be read.
            pub(crate) fn unreadable_output(
                status: u16,
                body: &[u8],
                error: crate::error::ParseError,
                limits: &crate::limits::Limits,
                request_id: #OPTION<#STRING>,
            ) -> Self {
                Self::#unhandled(crate::protocol::unreadable(status, body, error, limits, request_id))
            }

            /// Maps an error response to its modeled error by code; a body that does not
            /// fit the modeled error is `Unhandled`, with the reason as its source.
            pub(crate) fn from_response(error: &crate::protocol::ErrorResponse<'_>) -> Self {
                #dispatch
            }
        }

        /// The error inside, as is: the enum only tells the operation's errors apart.
        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                ::std::fmt::Display::fmt(self.inner(), f)
            }
        }

        /// The source of the error inside (the enum is transparent: the error inside is
        /// not its own cause, or a reporter would print it twice).
        impl ::std::error::Error for #name {
            fn source(&self) -> #OPTION<&(dyn ::std::error::Error + 'static)> {
                self.inner().source()
            }
        }

        impl crate::error::RequestId for #name {
            fn request_id(&self) -> #OPTION<&str> {
                self.inner().request_id()
            }
        }
    }
}

/// The fallback variant: `Unhandled`, unless a modeled error already has that name.
fn unhandled_variant(cases: &[ErrorCase<'_>]) -> proc_macro2::Ident {
    if cases.iter().any(|c| c.variant == "Unhandled") {
        format_ident!("UnhandledError")
    } else {
        format_ident!("Unhandled")
    }
}

/// The operation's modeled errors (the plan made sure each is an error structure).
fn error_cases<'p>(plan: &'p Plan, operation: &OperationPlan) -> Vec<ErrorCase<'p>> {
    operation
        .errors
        .iter()
        .map(|r| plan.structure(r))
        .filter_map(|structure| match structure.role {
            StructRole::Error(_) => Some(ErrorCase {
                variant: ident(&structure.name),
                structure,
            }),
            _ => None,
        })
        .collect()
}
