-- splitcast schema, version 7 (license server): replay refusal. The nonce of every license request
-- that was answered with a license, per terminal, kept for as long as a license issued then could
-- still be valid (splitcast.license.validity): a request repeating (terminal, nonce) within that
-- time is refused with 409 nonce-reused. The primary key is the whole check (a concurrent twin
-- fails on it); rows past expires_at are deleted with the next request of their terminal, and
-- with the terminal.
create table license_nonce (
    terminal_id  varchar(64) not null,
    nonce        varchar(86) not null,
    expires_at   timestamp with time zone not null,
    constraint license_nonce_pk primary key (terminal_id, nonce),
    constraint license_nonce_terminal_fk foreign key (terminal_id) references terminal (id) on delete cascade
);
