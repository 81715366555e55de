#pragma once

#include <QString>

namespace ferry::test {

// A small Chinook-shaped music store in SQLite: artists, albums, tracks, genres, playlists
// with the playlist_track junction, invoices with invoice_items, customers, employees (who
// report to each other), and a one-to-one customer_profiles. Rows are functions of their
// number, so every run builds the same file.
struct ChinookFixture {
    // Returns an error text, or "" once the file holds the schema and rows.
    static QString createSqlite(const QString &path);
};

} // namespace ferry::test
