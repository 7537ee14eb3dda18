-- splitcast schema, version 4 (license server): a terminal's valid licenses for a content are
-- looked up before any complementary information is sent to it (LicenseDirectory.latestValid).
create index license_issue_terminal_ix on license_issue (terminal_id, content_id, issued_at);
