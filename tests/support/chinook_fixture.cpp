#include "support/chinook_fixture.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace ferry::test {

namespace {

const char *const Schema[] = {
    "CREATE TABLE artists (artist_id INTEGER PRIMARY KEY, name TEXT NOT NULL)",
    "CREATE TABLE albums (album_id INTEGER PRIMARY KEY, title TEXT NOT NULL, "
    "artist_id INTEGER NOT NULL REFERENCES artists(artist_id))",
    "CREATE TABLE genres (genre_id INTEGER PRIMARY KEY, name TEXT)",
    "CREATE TABLE tracks (track_id INTEGER PRIMARY KEY, name TEXT NOT NULL, "
    "album_id INTEGER REFERENCES albums(album_id), genre_id INTEGER REFERENCES "
    "genres(genre_id), composer TEXT, milliseconds INTEGER NOT NULL, unit_price NUMERIC NOT NULL)",
    "CREATE TABLE playlists (playlist_id INTEGER PRIMARY KEY, name TEXT)",
    "CREATE TABLE playlist_track (playlist_id INTEGER NOT NULL REFERENCES "
    "playlists(playlist_id), track_id INTEGER NOT NULL REFERENCES tracks(track_id), "
    "PRIMARY KEY (playlist_id, track_id))",
    "CREATE TABLE employees (employee_id INTEGER PRIMARY KEY, last_name TEXT NOT NULL, "
    "first_name TEXT NOT NULL, title TEXT, reports_to INTEGER REFERENCES "
    "employees(employee_id), hire_date TEXT)",
    "CREATE TABLE customers (customer_id INTEGER PRIMARY KEY, first_name TEXT NOT NULL, "
    "last_name TEXT NOT NULL, email TEXT NOT NULL, country TEXT, support_rep_id INTEGER "
    "REFERENCES employees(employee_id))",
    "CREATE TABLE customer_profiles (customer_id INTEGER PRIMARY KEY REFERENCES "
    "customers(customer_id), loyalty_tier TEXT, newsletter INTEGER)",
    "CREATE TABLE invoices (invoice_id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL "
    "REFERENCES customers(customer_id), invoice_date TEXT NOT NULL, billing_country TEXT, "
    "total NUMERIC NOT NULL)",
    "CREATE TABLE invoice_items (invoice_line_id INTEGER PRIMARY KEY, invoice_id INTEGER NOT "
    "NULL REFERENCES invoices(invoice_id), track_id INTEGER NOT NULL REFERENCES "
    "tracks(track_id), unit_price NUMERIC NOT NULL, quantity INTEGER NOT NULL)",
};

} // namespace

QString ChinookFixture::createSqlite(const QString &path)
{
    const QString name = QStringLiteral("chinook-fixture-") + path;
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (!db.open())
            return db.lastError().text();
        QSqlQuery q(db);
        const auto run = [&q, &error](const QString &sql) {
            if (error.isEmpty() && !q.exec(sql))
                error = sql + QStringLiteral(": ") + q.lastError().text();
        };
        run(QStringLiteral("BEGIN"));
        for (const char *sql : Schema)
            run(QString::fromLatin1(sql));
        const QStringList artists{QStringLiteral("AC/DC"), QStringLiteral("Accept"),
                                  QStringLiteral("Aerosmith"), QStringLiteral("Alanis Morissette"),
                                  QStringLiteral("Antônio Carlos Jobim")};
        for (int i = 0; i < artists.size(); ++i)
            run(QStringLiteral("INSERT INTO artists VALUES (%1, '%2')").arg(i + 1).arg(artists[i]));
        for (int a = 1; a <= 8; ++a)
            run(QStringLiteral("INSERT INTO albums VALUES (%1, 'Album %1', %2)")
                    .arg(a)
                    .arg((a - 1) % artists.size() + 1));
        const QStringList genres{QStringLiteral("Rock"), QStringLiteral("Jazz"),
                                 QStringLiteral("Metal"), QStringLiteral("Bossa Nova")};
        for (int g = 0; g < genres.size(); ++g)
            run(QStringLiteral("INSERT INTO genres VALUES (%1, '%2')").arg(g + 1).arg(genres[g]));
        for (int t = 1; t <= 30; ++t)
            run(QStringLiteral("INSERT INTO tracks VALUES (%1, 'Track %1', %2, %3, %4, %5, 0.99)")
                    .arg(t)
                    .arg((t - 1) / 4 + 1)
                    .arg((t - 1) % 4 + 1)
                    .arg(t % 3 == 0 ? QStringLiteral("NULL")
                                    : QStringLiteral("'Composer %1'").arg(t % 5))
                    .arg(180000 + t * 1000));
        for (int p = 1; p <= 4; ++p)
            run(QStringLiteral("INSERT INTO playlists VALUES (%1, 'Playlist %1')").arg(p));
        for (int p = 1; p <= 4; ++p)
            for (int t = p; t <= 30; t += p + 2)
                run(QStringLiteral("INSERT INTO playlist_track VALUES (%1, %2)").arg(p).arg(t));
        run(QStringLiteral("INSERT INTO employees VALUES (1, 'Adams', 'Andrew', 'General "
                           "Manager', NULL, '2002-08-14')"));
        run(QStringLiteral("INSERT INTO employees VALUES (2, 'Edwards', 'Nancy', 'Sales "
                           "Manager', 1, '2002-05-01')"));
        for (int e = 3; e <= 5; ++e)
            run(QStringLiteral("INSERT INTO employees VALUES (%1, 'Agent%1', 'Jane', 'Sales "
                               "Support Agent', 2, '2003-0%1-01')")
                    .arg(e));
        for (int c = 1; c <= 12; ++c)
            run(QStringLiteral("INSERT INTO customers VALUES (%1, 'First%1', 'Last%1', "
                               "'customer%1@example.com', '%2', %3)")
                    .arg(c)
                    .arg(c % 2 ? QStringLiteral("Brazil") : QStringLiteral("Germany"))
                    .arg((c - 1) % 3 + 3));
        for (int c = 1; c <= 12; c += 2)
            run(QStringLiteral("INSERT INTO customer_profiles VALUES (%1, '%2', %3)")
                    .arg(c)
                    .arg(c % 4 == 1 ? QStringLiteral("gold") : QStringLiteral("silver"))
                    .arg(c % 3 == 0 ? 1 : 0));
        int line = 1;
        for (int i = 1; i <= 20; ++i) {
            const int items = i % 4 + 1;
            run(QStringLiteral("INSERT INTO invoices VALUES (%1, %2, '2021-%3-%4 00:00:00', "
                               "'Brazil', %5)")
                    .arg(i)
                    .arg((i - 1) % 12 + 1)
                    .arg((i - 1) % 12 + 1, 2, 10, QLatin1Char('0'))
                    .arg(i % 28 + 1, 2, 10, QLatin1Char('0'))
                    .arg(QString::number(items * 0.99, 'f', 2)));
            for (int k = 0; k < items; ++k, ++line)
                run(QStringLiteral("INSERT INTO invoice_items VALUES (%1, %2, %3, 0.99, 1)")
                        .arg(line)
                        .arg(i)
                        .arg((i * 7 + k * 3) % 30 + 1));
        }
        run(QStringLiteral("COMMIT"));
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return error;
}

} // namespace ferry::test
