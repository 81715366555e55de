#pragma once

#include "core/error.h"
#include "project/project.h"

#include <QByteArray>
#include <QString>

namespace ferry {

// Reads and writes the .ferry project file (DESIGN.md, "The .ferry project file").
//
// The text is pretty-printed JSON with a fixed key order and every key always written,
// so that save → load → save is byte-identical and a change to the mapping shows up in
// git as a change of the lines it touches. Endpoints are saved without their secrets.
// Loading ignores keys it does not know (a newer minor addition stays readable), refuses
// a newer format version, and migrates older ones step by step.
class ProjectFile {
public:
    static Result<Project> load(const QString &path);
    // pathForMessages names the file in error messages (where it came from, if anywhere).
    static Result<Project> fromJson(const QByteArray &json, const QString &pathForMessages = {});
    static QByteArray toJson(const Project &project);
    // Atomic: the old file stays intact until the new one is complete (QSaveFile).
    static Status save(const Project &project, const QString &path);

    // Version 0: the same content with a "format" header but no "version" key
    // (files written before the version number existed); it is migrated on load.
    static constexpr int CurrentVersion = 1;
    static constexpr QLatin1StringView FormatName{"ferry-project"};
};

} // namespace ferry
