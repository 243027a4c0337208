package ChatKit::Runtime::JSON;

use strict;
use warnings;

use B            ();
use Carp         qw(croak);
use Exporter     qw(import);
use JSON::PP     ();
use Scalar::Util qw(blessed);

our $VERSION   = '0.01';
our @EXPORT_OK = qw(json_decode json_encode json_kind json_true json_false is_bool to_bool
    json_backend);

# Cpanel::JSON::XS when installed (faster), else JSON::PP (core).
# PERL_JSON_BACKEND=JSON::PP (the JSON.pm convention) forces the core module.
my $BACKEND
    = ( $ENV{PERL_JSON_BACKEND} // q{} ) eq 'JSON::PP'
    ? 'JSON::PP'
    : eval { require Cpanel::JSON::XS; 'Cpanel::JSON::XS' } || 'JSON::PP';

my $CODEC = $BACKEND->new->utf8->allow_nonref->allow_bignum->canonical;
my $BIG   = $BACKEND->new->utf8->allow_nonref->allow_bignum;
my $PLAIN = $BACKEND->new->utf8->allow_nonref;

my $TRUE  = JSON::PP::true();
my $FALSE = JSON::PP::false();

my %BOOL_CLASS = map { $_ => 1 } qw(
    JSON::PP::Boolean Cpanel::JSON::XS::Boolean Types::Serialiser::Boolean
    JSON::XS::Boolean boolean
);

sub json_true  { return $TRUE }
sub json_false { return $FALSE }

sub is_bool {
    my ($value) = @_;
    my $class = blessed $value;
    return 0 if !defined $class;
    return 1 if $BOOL_CLASS{$class};
    return $value->isa('JSON::PP::Boolean') ? 1 : 0;
}

# A JSON::PP boolean for a JSON::PP-style boolean or \1 / \0; undef for anything else.
sub to_bool {
    my ($value) = @_;
    if ( is_bool($value) ) { return $value ? $TRUE : $FALSE }
    if ( ref $value eq 'SCALAR' && defined ${$value} && ${$value} =~ /\A[01]\z/xms ) {
        return ${$value} ? $TRUE : $FALSE;
    }
    return;
}

# The JSON kind of a Perl value: null, boolean, number, string, array, object, or ''
# for something JSON has no word for (a code ref, a foreign object).
sub json_kind {
    my ($value) = @_;
    return 'null' if !defined $value;
    if ( my $type = ref $value ) {
        return 'boolean' if is_bool($value);
        return 'array'   if $type eq 'ARRAY';
        return 'object'  if $type eq 'HASH';
        return 'number'
            if blessed $value
            && ( $value->isa('Math::BigInt') || $value->isa('Math::BigFloat') );
        return q{};
    }
    my $flags = B::svref_2object( \$value )->FLAGS;
    return 'number'
        if ( $flags & ( B::SVp_IOK() | B::SVp_NOK() ) )
        && !( $flags & B::SVp_POK() );
    return 'string';
}

# Decode JSON text (bytes, UTF-8). Integers too big for a Perl number stay exact
# (Math::BigInt). Dies with a message on invalid JSON.
sub json_decode {
    my ($text) = @_;
    croak 'no JSON text' if !defined $text;
    my $codec = $text =~ /\d{16}/xms ? $BIG : $PLAIN;
    return $codec->decode($text);
}

# Encode a Perl value as JSON text (bytes, UTF-8), keys sorted.
# The JSON module in use.
sub json_backend { return $BACKEND }

sub json_encode {
    my ($value) = @_;
    return $CODEC->encode($value);
}

1;

__END__

=head1 NAME

ChatKit::Runtime::JSON - the JSON codec of the SDK

=head1 DESCRIPTION

Uses L<Cpanel::JSON::XS> when it is installed and L<JSON::PP> (core) otherwise;
C<PERL_JSON_BACKEND=JSON::PP> in the environment forces JSON::PP.
Booleans are L<JSON::PP::Boolean> values; integers too large for a Perl number are
decoded as L<Math::BigInt> and written back exactly.

=head1 FUNCTIONS

=over 4

=item json_decode($bytes)

=item json_encode($value)

=item json_kind($value)

The JSON kind of a value: C<null>, C<boolean>, C<number>, C<string>, C<array> or
C<object>. A scalar is a number when Perl holds it as a number only (C<1>), a string
otherwise (C<"1">).

=item json_true, json_false, is_bool($value), to_bool($value)

=back

=cut
