#!/usr/bin/env bash
# Placeholder: replaced by the real service starter (PostgreSQL cluster + Mongo wire peer).
exit 0
