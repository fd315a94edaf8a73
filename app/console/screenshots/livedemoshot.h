#pragma once

#include <QSize>
#include <QString>

#include <chrono>

namespace Ledgerdesk::Console {

// Opens the console's live demo offscreen (the real sandbox, synced), lets it run for `settle`
// after the first successful sync and writes the window to `file`, and the sync health page to
// the same name ending in -sync-health.png.
bool shootLiveDemo(const QSize &size, const QString &file, std::chrono::milliseconds settle);

} // namespace Ledgerdesk::Console
