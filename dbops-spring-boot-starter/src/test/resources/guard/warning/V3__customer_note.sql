alter table customers add column note text;
