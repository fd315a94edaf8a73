#pragma once

#include <ui/models/availabilitymodel.h>

#include <QTest>

namespace Ledgerdesk::Testing {

// Pages arrive from the loader thread; wait until `row` is current in the model.
inline bool waitForRow(const Ui::AvailabilityModel &model, int row, int timeoutMs = 20000)
{
    return QTest::qWaitFor([&] { return model.rowAt(row).has_value(); }, timeoutMs);
}

inline bool waitUntilIdle(const Ui::AvailabilityModel &model, int timeoutMs = 20000)
{
    return QTest::qWaitFor([&] { return !model.isLoading(); }, timeoutMs);
}

} // namespace Ledgerdesk::Testing
