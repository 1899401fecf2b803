/* The generated tables (build/gen/winerr_data.inc), compiled once. */
#include "internal.h"

#include "winerr_data.inc"

const uint32_t winerr__entry_count = WINERR_GEN_ENTRY_COUNT;
const uint32_t winerr__table_count = WINERR_GEN_TABLE_COUNT;
const uint32_t winerr__value_hash_bits = WINERR_GEN_VALUE_HASH_BITS;
const uint32_t winerr__hr_facility_count = WINERR__HR_FACILITIES_COUNT;
const uint32_t winerr__nt_facility_count = WINERR__NT_FACILITIES_COUNT;
