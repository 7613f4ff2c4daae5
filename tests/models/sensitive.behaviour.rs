//! `@sensitive` values never appear in `Debug`, wherever they sit.

use synthetic_sensitive::operation::login::{LoginInput, LoginOutput};
use synthetic_sensitive::types::{Account, Card};

const SECRET: &str = "hunter2-secret";

#[test]
fn sensitive_values_are_redacted_at_every_depth() {
    let account = Account::builder().name("admin").admin_password(SECRET).build();
    let input = LoginInput::builder()
        .user("alice")
        .password(SECRET)
        .old_passwords(SECRET)
        .passwords_by_host("example.com", SECRET)
        .account(account.clone())
        .card(Card::builder().number(SECRET).build())
        .build();
    let output = LoginOutput::builder().accounts(account.clone()).build();
    let builder = LoginInput::builder().password(SECRET);
    for text in [
        format!("{input:?}"),
        format!("{input:#?}"),
        format!("{output:?}"),
        format!("{account:?}"),
        format!("{builder:?}"),
    ] {
        assert!(!text.contains(SECRET), "secret leaked: {text}");
        assert!(text.contains("*** Sensitive Data Redacted ***"), "{text}");
    }
    // What is not sensitive still shows.
    assert!(format!("{input:?}").contains("alice"));
    assert!(format!("{account:?}").contains("admin"));
    // A sensitive structure is redacted as a member, not as a value of its own.
    assert_eq!(input.card().and_then(Card::number), Some(SECRET));
}
