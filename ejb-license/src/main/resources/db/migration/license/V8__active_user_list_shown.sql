-- splitcast: a subscriber also joins the active list (step 112) when shown more of their
-- recommendation list than the precompute run covered for them (ActivityReason.LIST_SHOWN)
alter table active_user drop constraint active_user_reason_ck;
alter table active_user add constraint active_user_reason_ck
    check (reason in ('NEW_SUBSCRIBER', 'NEW_TERMINAL', 'ACCESS', 'LIST_SHOWN'));
