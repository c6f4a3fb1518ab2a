package dev.lfvmetrics.core.format;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.lfvmetrics.core.error.InvalidInputException;
import dev.lfvmetrics.core.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses one evaluation-manifest line with Jackson's streaming parser, reading only the fields the metrics need and
 * skipping everything else. One instance is reused for every line of a file (its fields are overwritten), so the
 * common classification line allocates no objects of its own; not thread-safe.
 *
 * <p>Blocks are found by their metadata, not by fixed key names: a {@code *-metadata} object whose {@code type}
 * names image classification is a class block, one naming semantic segmentation (or carrying an
 * {@code internal-color-map}) a mask block; a key ending in {@code -detected-metadata} is the model's prediction,
 * any other the ground truth. {@code class-name} is the authority for the class; when it is absent the numeric
 * label of the sibling key ({@code anomaly-label: 1}) is used.
 */
public final class ManifestLineParser {

    private static final String METADATA = "-metadata";
    private static final String DETECTED_METADATA = "-detected-metadata";
    private static final int MAX_SCALARS = 16;

    private final boolean keepLabels;
    private final FastLineScanner fastScanner;

    private final char[][] sourceRefHolder = {new char[256]};
    private int sourceRefLength;
    private byte[] asciiBytes;
    private int asciiFrom;
    private boolean hasSourceRef;

    private final String[] scalarNames = new String[MAX_SCALARS];
    private final int[] scalarValues = new int[MAX_SCALARS];
    private int scalarCount;

    private String actualKey;
    private String actualClass;
    private String predictedKey;
    private String predictedClass;
    private boolean confidencePresent;
    private double confidence;
    private String confidenceNotNumber;
    private boolean segmentation;
    private boolean actualMask;
    private boolean predictedMask;
    private String maskConfidenceKey;
    private boolean maskConfidencePresent;
    private double maskConfidence;
    private String maskConfidenceNotNumber;
    private List<String> actualLabels;
    private List<String> predictedLabels;

    private boolean captureIdentity;
    private String modelArn;
    private String projectName;
    private String modelVersion;

    private String lastType;
    private boolean lastTypeMask;
    private boolean lastTypeClass;
    /** The last class-name instances seen to mean anomaly and normal (see {@link #classOf}). */
    private String knownAnomaly;
    private String knownNormal;

    private boolean actualAnomalous;
    private boolean predictedAnomalous;
    private double resolvedConfidence;

    /**
     * Creates a parser.
     *
     * @param keepLabels whether to collect segmentation label names (needed for per-label counts)
     */
    public ManifestLineParser(boolean keepLabels) {
        this(keepLabels, true);
    }

    /**
     * Creates a parser, choosing whether the hand-written scanner may be tried before Jackson. Both give the same
     * result for every line; the choice exists so that tests and benchmarks can compare them.
     *
     * @param keepLabels whether to collect segmentation label names (needed for per-label counts)
     * @param fast       whether to try the fast scanner first (it hands anything unusual to Jackson)
     */
    public ManifestLineParser(boolean keepLabels, boolean fast) {
        this.keepLabels = keepLabels;
        this.fastScanner = fast ? new FastLineScanner(this) : null;
    }

    /**
     * Parses a whole line given as text; convenience for single lines and tests.
     *
     * @param line       the JSON text
     * @param source     file or URI, for messages
     * @param lineNumber 1-based line number, for messages
     * @return the line's content
     * @throws InvalidInputException when the line is broken or lacks what the metrics need
     */
    public static ManifestLine parseLine(String line, String source, long lineNumber) {
        ManifestLineParser parser = new ManifestLineParser(true);
        parser.setCaptureIdentity(true);
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        parser.parse(bytes, 0, bytes.length, source, lineNumber);
        return parser.toManifestLine();
    }

    /**
     * Whether to keep {@code model-arn}, {@code project-name} and {@code model-version} of the next lines; the
     * reader turns this off once it has them, to spare the string copies.
     *
     * @param capture whether to capture
     */
    public void setCaptureIdentity(boolean capture) {
        this.captureIdentity = capture;
    }

    /**
     * Forgets the identity captured so far, so that the parser can go on with an unrelated part of a file (the
     * reader reuses one parser per thread for several ranges of a file).
     */
    public void forgetIdentity() {
        modelArn = null;
        projectName = null;
        modelVersion = null;
    }

    /**
     * Parses one line (without its line terminator).
     *
     * @param buf        bytes holding the line, UTF-8
     * @param offset     where the line starts
     * @param length     its length in bytes
     * @param source     file or URI, for messages
     * @param lineNumber 1-based line number, for messages
     * @throws InvalidInputException when the line is broken or lacks what the metrics need
     */
    public void parse(byte[] buf, int offset, int length, String source, long lineNumber) {
        reset();
        if (fastScanner == null || !fastScanner.scan(buf, offset, length)) {
            // Unusual or broken lines go through Jackson, which has the final word and the error messages.
            reset();
            parseWithJackson(buf, offset, length, source, lineNumber);
        }
        resolve(source, lineNumber);
    }

    /**
     * How many bytes a caller should have in its buffer from a line's start (unless the input ends sooner) before it
     * offers the line to {@link #parseUpToLineFeed}: the longest line the fast scanner reads. The scan then never
     * stops at the buffer's end, a path that, taken now and then, made the JIT's optimised code of the scanner
     * deoptimise and recompile over and over (docs/benchmarks.md).
     */
    public static final int ONE_PASS_MARGIN = FastLineScanner.MAX_LINE;

    /**
     * Parses the line that starts at {@code offset} with an object when the fast scanner reads it whole and only
     * blanks follow it up to a line feed before {@code limit}: the common line, read in one pass.
     *
     * @param buf        the bytes
     * @param offset     the line's first byte, an opening brace
     * @param limit      the end of the bytes available
     * @param source     file or URI, for messages
     * @param lineNumber 1-based line number, for messages
     * @return the offset of the line's line feed, or -1 when nothing was parsed and the caller must find the line's
     *         end and call {@link #parse} (an unusual or broken line, or one whose end is not in the buffer yet)
     * @throws InvalidInputException when the line is well-formed JSON but not a manifest line
     */
    public int parseUpToLineFeed(byte[] buf, int offset, int limit, String source, long lineNumber) {
        if (fastScanner == null) {
            return -1;
        }
        reset();
        int i = fastScanner.scanObject(buf, offset, limit);
        if (i < 0) {
            return -1;
        }
        while (i < limit && isBlank(buf[i])) {
            i++;
        }
        if (i >= limit || buf[i] != '\n') {
            return -1;
        }
        resolve(source, lineNumber);
        return i;
    }

    /**
     * @param b a byte of a line
     * @return whether it is a blank a manifest line may have around its object (space, tab, the CR of CRLF)
     */
    public static boolean isBlank(byte b) {
        return b == ' ' || b == '\t' || b == '\r';
    }

    private void parseWithJackson(byte[] buf, int offset, int length, String source, long lineNumber) {
        try (JsonParser p = Json.factory().createParser(buf, offset, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new InvalidInputException(source, lineNumber, "expected a JSON object");
            }
            readTopLevel(p, source, lineNumber);
            if (p.nextToken() != null) {
                throw new InvalidInputException(source, lineNumber, "unexpected content after the JSON object");
            }
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(source, lineNumber, "broken JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            // Parsing an in-memory byte range cannot fail with I/O; keep the cause for logs.
            throw new InvalidInputException(source, lineNumber, "unreadable line", e);
        }
    }

    private void reset() {
        hasSourceRef = false;
        sourceRefLength = 0;
        asciiBytes = null;
        scalarCount = 0;
        actualKey = null;
        actualClass = null;
        predictedKey = null;
        predictedClass = null;
        confidencePresent = false;
        confidenceNotNumber = null;
        segmentation = false;
        actualMask = false;
        predictedMask = false;
        maskConfidenceKey = null;
        maskConfidencePresent = false;
        maskConfidenceNotNumber = null;
        actualLabels = null;
        predictedLabels = null;
    }

    private void readTopLevel(JsonParser p, String source, long lineNumber) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (value == JsonToken.START_OBJECT) {
                if (name.endsWith(METADATA)) {
                    readMetadata(p, name, source, lineNumber);
                } else {
                    p.skipChildren();
                }
            } else if (value == JsonToken.START_ARRAY) {
                p.skipChildren();
            } else if (value == JsonToken.VALUE_STRING && "source-ref".equals(name)) {
                copySourceRef(p);
            } else if (value == JsonToken.VALUE_NUMBER_INT && scalarCount < MAX_SCALARS) {
                scalarNames[scalarCount] = name;
                // A number beyond int range in any field is valid JSON; it is just not a 0/1 label.
                scalarValues[scalarCount] = p.getNumberType() == JsonParser.NumberType.INT ? p.getIntValue() : -1;
                scalarCount++;
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw new InvalidInputException(source, lineNumber, "broken JSON: object not closed");
        }
    }

    private void copySourceRef(JsonParser p) throws IOException {
        int len = p.getTextLength();
        char[] target = sourceRefHolder[0];
        if (target.length < len) {
            target = new char[Math.max(len, target.length * 2)];
            sourceRefHolder[0] = target;
        }
        System.arraycopy(p.getTextCharacters(), p.getTextOffset(), target, 0, len);
        sourceRefLength = len;
        asciiBytes = null;
        hasSourceRef = true;
    }

    /**
     * Fast-scanner hook: a source-ref made of ASCII bytes without escapes. The bytes are kept where they are (the
     * line's buffer, valid while this line is handled) and turned into chars only when someone asks for them: the
     * fingerprint hashes the bytes themselves.
     */
    void sourceRefAscii(byte[] buf, int from, int length) {
        asciiBytes = buf;
        asciiFrom = from;
        sourceRefLength = length;
        hasSourceRef = true;
    }

    private void charsFromAscii() {
        if (asciiBytes == null) {
            return;
        }
        char[] target = sourceRefHolder[0];
        if (target.length < sourceRefLength) {
            target = new char[Math.max(sourceRefLength, target.length * 2)];
            sourceRefHolder[0] = target;
        }
        for (int i = 0; i < sourceRefLength; i++) {
            target[i] = (char) asciiBytes[asciiFrom + i];
        }
        asciiBytes = null;
    }

    /**
     * The source-ref's ASCII bytes in the line's own buffer, when the fast scanner read it without escapes.
     *
     * @return the buffer (the source-ref is {@link #sourceRefLength()} bytes from {@link #sourceRefOffset()}), or
     *         null when the source-ref is only available as chars
     */
    public byte[] sourceRefAsciiBytes() {
        return hasSourceRef ? asciiBytes : null;
    }

    /**
     * @return where the source-ref starts in {@link #sourceRefAsciiBytes()}
     */
    public int sourceRefOffset() {
        return asciiFrom;
    }

    /** Fast-scanner hook: a top-level whole number. */
    void scalar(String name, int value) {
        if (scalarCount < MAX_SCALARS) {
            scalarNames[scalarCount] = name;
            scalarValues[scalarCount] = value;
            scalarCount++;
        }
    }

    boolean capturesIdentity() {
        return captureIdentity;
    }

    boolean keepsLabels() {
        return keepLabels;
    }

    private void readMetadata(JsonParser p, String key, String source, long lineNumber) throws IOException {
        String type = null;
        String className = null;
        boolean hasConfidence = false;
        double conf = 0;
        String confText = null;
        List<String> labels = null;
        boolean hasColorMap = false;
        String arn = null;
        String project = null;
        String version = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            switch (field) {
                case "type":
                    type = v == JsonToken.VALUE_STRING ? p.getText() : null;
                    break;
                case "class-name":
                    className = v == JsonToken.VALUE_STRING ? p.getText() : null;
                    break;
                case "confidence":
                    if (v == JsonToken.VALUE_NUMBER_FLOAT || v == JsonToken.VALUE_NUMBER_INT) {
                        hasConfidence = true;
                        conf = p.getDoubleValue();
                    } else if (v == JsonToken.VALUE_NULL) {
                        hasConfidence = false;
                    } else {
                        hasConfidence = true;
                        confText = v.isScalarValue() ? p.getText() : v.asString();
                        p.skipChildren();
                    }
                    break;
                case "internal-color-map":
                    if (v == JsonToken.START_OBJECT) {
                        hasColorMap = true;
                        labels = readColorMap(p);
                    } else {
                        p.skipChildren();
                    }
                    break;
                case "model-arn":
                    arn = captureIdentity && v == JsonToken.VALUE_STRING ? p.getText() : null;
                    break;
                case "project-name":
                    project = captureIdentity && v == JsonToken.VALUE_STRING ? p.getText() : null;
                    break;
                case "model-version":
                    version = captureIdentity && v.isScalarValue() && v != JsonToken.VALUE_NULL ? p.getText() : null;
                    break;
                default:
                    p.skipChildren();
                    break;
            }
        }
        applyMetadata(key, type, className, hasConfidence, conf, confText, labels, hasColorMap, arn, project,
                version);
    }

    /** What one {@code *-metadata} object says, from either scanner. */
    void applyMetadata(String key, String type, String className, boolean hasConfidence, double conf,
                       String confText, List<String> labels, boolean hasColorMap, String arn, String project,
                       String version) {
        boolean detected = key.endsWith(DETECTED_METADATA);
        if (type != null && type != lastType) {
            // The fast scanner hands the same string instance for a recurring type; look into it once.
            lastType = type;
            lastTypeMask = type.contains("semantic-segmentation");
            lastTypeClass = type.contains("image-classification");
        }
        boolean isMask = type != null ? lastTypeMask : hasColorMap;
        boolean isClass = type != null ? lastTypeClass : !hasColorMap && className != null;
        if (isMask) {
            segmentation = true;
            if (detected) {
                predictedMask = true;
                predictedLabels = labels;
                maskConfidenceKey = key;
                maskConfidencePresent = hasConfidence;
                maskConfidence = conf;
                maskConfidenceNotNumber = confText;
            } else {
                actualMask = true;
                actualLabels = labels;
            }
        } else if (isClass) {
            if (detected) {
                if (predictedKey == null) {
                    predictedKey = key;
                    predictedClass = className;
                    confidencePresent = hasConfidence;
                    confidence = conf;
                    confidenceNotNumber = confText;
                }
            } else if (actualKey == null) {
                actualKey = key;
                actualClass = className;
            }
        }
        if (detected && captureIdentity) {
            modelArn = modelArn == null ? arn : modelArn;
            projectName = projectName == null ? project : projectName;
            modelVersion = modelVersion == null ? version : modelVersion;
        }
    }

    private List<String> readColorMap(JsonParser p) throws IOException {
        List<String> labels = keepLabels ? new ArrayList<>(2) : null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            String name = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                boolean nameField = "class-name".equals(field) || "name".equals(field) && name == null;
                if (v == JsonToken.VALUE_STRING && nameField) {
                    name = p.getText();
                } else {
                    p.skipChildren();
                }
            }
            addLabel(labels, name);
        }
        return labels;
    }

    /** Adds a colour-map entry's name unless it is absent, blank, the background or already listed. */
    static void addLabel(List<String> labels, String name) {
        if (labels != null && name != null && !name.isBlank() && !"BACKGROUND".equalsIgnoreCase(name.trim())
                && !labels.contains(name.trim())) {
            labels.add(name.trim());
        }
    }

    private void resolve(String source, long lineNumber) {
        if (actualKey != null) {
            actualAnomalous = classOf(actualClass, actualKey, source, lineNumber);
        } else if (actualMask) {
            // A mask-only line: the image is anomalous when its ground-truth mask names any anomaly label.
            actualAnomalous = actualLabels != null && !actualLabels.isEmpty();
        } else {
            throw new InvalidInputException(source, lineNumber,
                    "no ground truth: no image-classification metadata such as anomaly-label-metadata");
        }
        if (predictedKey != null) {
            predictedAnomalous = classOf(predictedClass, predictedKey, source, lineNumber);
            resolvedConfidence = checkConfidence(predictedKey, confidencePresent, confidence, confidenceNotNumber,
                    source, lineNumber);
        } else if (predictedMask && maskConfidencePresent) {
            predictedAnomalous = predictedLabels != null && !predictedLabels.isEmpty();
            resolvedConfidence = checkConfidence(maskConfidenceKey, true, maskConfidence, maskConfidenceNotNumber,
                    source, lineNumber);
        } else {
            throw new InvalidInputException(source, lineNumber,
                    "no prediction: no image-classification metadata such as anomaly-label-detected-metadata");
        }
    }

    private boolean classOf(String className, String metadataKey, String source, long lineNumber) {
        if (className == null) {
            String labelKey = metadataKey.substring(0, metadataKey.length() - METADATA.length());
            for (int i = 0; i < scalarCount; i++) {
                if (labelKey.equals(scalarNames[i]) && (scalarValues[i] == 0 || scalarValues[i] == 1)) {
                    return scalarValues[i] == 1;
                }
            }
            throw new InvalidInputException(source, lineNumber,
                    "class-name missing in " + metadataKey + " and no 0/1 value in " + labelKey);
        }
        // The fast scanner hands the same string instance for a recurring class name: compare it once.
        if (className == knownAnomaly) {
            return true;
        }
        if (className == knownNormal) {
            return false;
        }
        String c = className.trim();
        if ("anomaly".equalsIgnoreCase(c)) {
            knownAnomaly = className;
            return true;
        }
        if ("normal".equalsIgnoreCase(c)) {
            knownNormal = className;
            return false;
        }
        throw new InvalidInputException(source, lineNumber,
                "unknown class name \"" + className + "\" in " + metadataKey + " (expected anomaly or normal)");
    }

    private static double checkConfidence(String key, boolean present, double value, String notNumber,
                                          String source, long lineNumber) {
        if (!present) {
            throw new InvalidInputException(source, lineNumber, "confidence missing in " + key);
        }
        if (notNumber != null) {
            throw new InvalidInputException(source, lineNumber,
                    "confidence \"" + notNumber + "\" in " + key + " is not a number");
        }
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new InvalidInputException(source, lineNumber,
                    "confidence " + value + " in " + key + " is outside [0, 1]");
        }
        return value;
    }

    /**
     * Ground truth of the last parsed line.
     *
     * @return whether the image is anomalous
     */
    public boolean actualAnomalous() {
        return actualAnomalous;
    }

    /**
     * Prediction of the last parsed line.
     *
     * @return whether the model called the image anomalous
     */
    public boolean predictedAnomalous() {
        return predictedAnomalous;
    }

    /**
     * Confidence in the predicted class of the last parsed line.
     *
     * @return confidence in [0, 1]
     */
    public double confidence() {
        return resolvedConfidence;
    }

    /**
     * Anomaly score of the last parsed line.
     *
     * @return confidence when predicted anomalous, else one minus it
     */
    public double anomalyScore() {
        return predictedAnomalous ? resolvedConfidence : 1.0 - resolvedConfidence;
    }

    /**
     * The source-ref's characters without a String: the parser's own buffer, valid until the next line; do not
     * modify it.
     *
     * @return the buffer; the first {@link #sourceRefLength()} chars are the source-ref
     */
    public char[] sourceRefChars() {
        charsFromAscii();
        return sourceRefHolder[0];
    }

    /**
     * @return the source-ref's length, 0 when the line had none
     */
    public int sourceRefLength() {
        return hasSourceRef ? sourceRefLength : 0;
    }

    /**
     * Source-ref of the last parsed line, copied into a new string (only call it for lines you keep).
     *
     * @return the source-ref or {@code null} when absent
     */
    public String sourceRef() {
        charsFromAscii();
        return hasSourceRef ? new String(sourceRefHolder[0], 0, sourceRefLength) : null;
    }

    /**
     * Whether the last parsed line had a mask block.
     *
     * @return whether the line is a segmentation line
     */
    public boolean segmentation() {
        return segmentation;
    }

    /**
     * Ground-truth mask labels of the last line.
     *
     * @return labels, empty when none or when labels are not kept
     */
    public List<String> actualLabels() {
        return actualLabels == null ? List.of() : actualLabels;
    }

    /**
     * Predicted mask labels of the last line.
     *
     * @return labels, empty when none or when labels are not kept
     */
    public List<String> predictedLabels() {
        return predictedLabels == null ? List.of() : predictedLabels;
    }

    /**
     * First {@code model-arn} seen in prediction metadata while capturing.
     *
     * @return the ARN or {@code null}
     */
    public String modelArn() {
        return modelArn;
    }

    /**
     * First {@code project-name} seen in prediction metadata while capturing.
     *
     * @return the project or {@code null}
     */
    public String projectName() {
        return projectName;
    }

    /**
     * First {@code model-version} seen in prediction metadata while capturing.
     *
     * @return the version or {@code null}
     */
    public String modelVersion() {
        return modelVersion;
    }

    /**
     * The last parsed line as a record.
     *
     * @return the line
     */
    public ManifestLine toManifestLine() {
        return new ManifestLine(sourceRef(), actualAnomalous, predictedAnomalous, resolvedConfidence, segmentation,
                actualLabels(), predictedLabels(), modelArn, projectName, modelVersion);
    }
}
