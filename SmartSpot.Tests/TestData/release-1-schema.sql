-- The schema SmartSpot 1 (EnsureCreated, before migrations) made; DatabaseMigrationTests upgrades a database made from it.
CREATE TABLE "Sessions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Sessions" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "VideoFileName" TEXT NOT NULL,
    "MaskFileName" TEXT NOT NULL,
    "VideoPath" TEXT NOT NULL,
    "MaskPath" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Error" TEXT NULL,
    "Speed" REAL NULL,
    "Width" INTEGER NOT NULL,
    "Height" INTEGER NOT NULL,
    "Fps" REAL NOT NULL,
    "FrameCount" INTEGER NOT NULL,
    "FramesDone" INTEGER NOT NULL,
    "SpotCount" INTEGER NOT NULL,
    "Free" INTEGER NOT NULL,
    "Occupied" INTEGER NOT NULL,
    "StartedAt" INTEGER NULL,
    "FinishedAt" INTEGER NULL
);
CREATE TABLE "Intervals" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Intervals" PRIMARY KEY AUTOINCREMENT,
    "SessionId" TEXT NOT NULL,
    "SpotId" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "StartFrame" INTEGER NOT NULL,
    "EndFrame" INTEGER NOT NULL,
    "StartSeconds" REAL NOT NULL,
    "EndSeconds" REAL NOT NULL,
    CONSTRAINT "FK_Intervals_Sessions_SessionId" FOREIGN KEY ("SessionId") REFERENCES "Sessions" ("Id") ON DELETE CASCADE
);
CREATE TABLE "Spots" (
    "SessionId" TEXT NOT NULL,
    "SpotId" INTEGER NOT NULL,
    "X" INTEGER NOT NULL,
    "Y" INTEGER NOT NULL,
    "Width" INTEGER NOT NULL,
    "Height" INTEGER NOT NULL,
    "Area" INTEGER NOT NULL,
    CONSTRAINT "PK_Spots" PRIMARY KEY ("SessionId", "SpotId"),
    CONSTRAINT "FK_Spots_Sessions_SessionId" FOREIGN KEY ("SessionId") REFERENCES "Sessions" ("Id") ON DELETE CASCADE
);
CREATE TABLE "TimelinePoints" (
    "SessionId" TEXT NOT NULL,
    "Frame" INTEGER NOT NULL,
    "Seconds" REAL NOT NULL,
    "Free" INTEGER NOT NULL,
    "Occupied" INTEGER NOT NULL,
    CONSTRAINT "PK_TimelinePoints" PRIMARY KEY ("SessionId", "Frame"),
    CONSTRAINT "FK_TimelinePoints_Sessions_SessionId" FOREIGN KEY ("SessionId") REFERENCES "Sessions" ("Id") ON DELETE CASCADE
);
CREATE INDEX "IX_Intervals_SessionId_SpotId_StartFrame" ON "Intervals" ("SessionId", "SpotId", "StartFrame");
CREATE INDEX "IX_Sessions_CreatedAt" ON "Sessions" ("CreatedAt");
CREATE INDEX "IX_Sessions_Status" ON "Sessions" ("Status");
