# The shared payload vectors (tests/vectors/chatkit.json) through the generated Perl models:
# exact round trips for valid vectors, a ChatKit::Error::Validation naming error_path otherwise.
# Run by tests/perl/test_perl.py: prove -I generated/perl/lib tests/perl/vectors.t
use strict;
use warnings;

use Test::More;
use FindBin ();
use ChatKit::Runtime::JSON qw(json_decode json_encode json_backend);
use ChatKit::Runtime::Types qw(same_json);

my $file = $ENV{OASGEN_VECTORS} || "$FindBin::Bin/../vectors/chatkit.json";
open my $fh, '<:raw', $file or die "cannot read $file: $!";
my $vectors = json_decode( do { local $/ = undef; <$fh> } )->{vectors};
close $fh or die;
ok( @{$vectors} > 0, 'vectors read' );
note( 'JSON backend: ' . json_backend() );
is( json_backend(), $ENV{PERL_JSON_BACKEND}, 'the backend asked for' ) if $ENV{PERL_JSON_BACKEND};

for my $v ( @{$vectors} ) {
    my $class = "ChatKit::Model::$v->{schema}";
    eval "require $class; 1" or die $@;    ## no critic
    my $payload = json_encode( $v->{payload} );
    my $model   = eval { $class->from_json($payload) };
    my $error   = $@;
    if ( $v->{valid} ) {
        is( $error, q{}, "$v->{name}: decodes" ) or next;
        my $back = json_decode( $model->to_json );
        ok( same_json( $back, json_decode($payload) ), "$v->{name}: exact round trip" )
          or diag( 'got ' . json_encode($back) );
        my $again = $class->from_hash( $model->to_hash );
        is( $again->to_json, $model->to_json, "$v->{name}: from_hash(to_hash) is the same" );
    }
    else {
        ok( ref $error && $error->isa('ChatKit::Error::Validation'),
            "$v->{name}: a validation error" )
          or do { diag("got: $error"); next };
        is( $error->path, $v->{error_path}, "$v->{name}: names $v->{error_path}" )
          or diag("message: $error");
    }
}

done_testing;
